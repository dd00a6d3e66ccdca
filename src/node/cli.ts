console.log('bao-cao: đang xây dựng');

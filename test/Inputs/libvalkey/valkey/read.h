/* Stand-in for libvalkey's valkey/read.h: the status codes and reply types
 * rehost's tests, the fake library and rehost/valkey.h use. */
#ifndef REHOST_TEST_VALKEY_READ_H
#define REHOST_TEST_VALKEY_READ_H

#include "visibility.h"

#define VALKEY_ERR -1
#define VALKEY_OK 0

#define VALKEY_ERR_IO 1
#define VALKEY_ERR_EOF 3
#define VALKEY_ERR_PROTOCOL 4
#define VALKEY_ERR_OOM 5
#define VALKEY_ERR_TIMEOUT 6
#define VALKEY_ERR_OTHER 2

#define VALKEY_REPLY_STRING 1
#define VALKEY_REPLY_ARRAY 2
#define VALKEY_REPLY_INTEGER 3
#define VALKEY_REPLY_NIL 4
#define VALKEY_REPLY_STATUS 5
#define VALKEY_REPLY_ERROR 6

typedef struct valkeyReader valkeyReader;

#endif

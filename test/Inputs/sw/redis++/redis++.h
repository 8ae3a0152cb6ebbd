// Stand-in for redis-plus-plus's umbrella header.
#ifndef REHOST_TEST_REDISPLUSPLUS_H
#define REHOST_TEST_REDISPLUSPLUS_H

#include "sw/redis++/redis.h"
#include "sw/redis++/redis_cluster.h"

#endif

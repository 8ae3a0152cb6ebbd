/* Stand-in for libvalkey's valkey/visibility.h: the export macro its public
 * headers put before each declaration. */
#ifndef REHOST_TEST_VALKEY_VISIBILITY_H
#define REHOST_TEST_VALKEY_VISIBILITY_H

#define LIBVALKEY_API

#endif

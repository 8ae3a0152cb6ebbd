// Stand-in for redis-plus-plus's command_options.h: SET's update condition.
#ifndef REHOST_TEST_REDISPLUSPLUS_COMMAND_OPTIONS_H
#define REHOST_TEST_REDISPLUSPLUS_COMMAND_OPTIONS_H

namespace sw {
namespace redis {

enum class UpdateType { EXIST, NOT_EXIST, ALWAYS, CHANGED };

} // namespace redis
} // namespace sw

#endif

# The two commands the README gives: `make demo` and `make test`.
# Both install missing Debian packages first, then build with CMake + Ninja.

# The LLVM/Clang to build against: 14 (Debian bookworm's default) or 19.
# Each has its own build directory, so both can be built side by side.
LLVM ?= 14
ifeq ($(LLVM),14)
BUILD_DIR ?= build
else
BUILD_DIR ?= build-llvm$(LLVM)
endif
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

# The pool's tests under ThreadSanitizer: the runtime alone (it builds
# without LLVM), in a build directory of its own.
TSAN_BUILD_DIR ?= build-tsan
# Pool* includes PoolSoak.*, one round of the fault soak (docs/reliability.md).
TSAN_TESTS ?= Pool*:ProfileCache*:Sentinel*

# The long fault soak (bench/soak.sh): SOAK_SECONDS of faults, not in `make test`.
SOAK_SECONDS ?= 300
SOAK_BUILD_DIR ?= build-soak

.PHONY: all deps configure build test test-tsan soak demo clean format

all: build

deps:
	@LLVM=$(LLVM) scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
	  -DREHOST_LLVM_VERSION=$(LLVM) $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

test-tsan: deps
	cmake -S runtime -B $(TSAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
	  -DREHOST_RUNTIME_SANITIZE_THREAD=ON
	cmake --build $(TSAN_BUILD_DIR) -j $(JOBS) --target rehost_runtime_tests
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  $(TSAN_BUILD_DIR)/test/rehost_runtime_tests --gtest_filter='$(TSAN_TESTS)'

soak: deps
	bench/soak.sh $(SOAK_SECONDS) $(SOAK_BUILD_DIR)

demo: build
	scripts/demo.sh $(BUILD_DIR)

format:
	git ls-files '*.cpp' '*.h' '*.hpp' '*.c' | grep -v '^test/' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(TSAN_BUILD_DIR) $(SOAK_BUILD_DIR)

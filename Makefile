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

# Everything (tool library, runtime, unit, lit and e2e tests) under
# AddressSanitizer + UndefinedBehaviorSanitizer, in a build directory of its
# own. A finding stops the program (halt_on_error). Leaks are checked in every
# program, the rehost tool included: it frees what LLVM allocates for it, so
# no suppression is needed.
ASAN_BUILD_DIR ?= build-asan
SANITIZER_ENV = \
  ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# The libFuzzer targets of fuzz/ (Clang 14 with libclang-rt-14-dev), in a
# build directory of their own, each run for FUZZ_SECONDS by
# scripts/run-fuzz.sh; FUZZ_TARGETS picks some (default: all).
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=

.PHONY: all deps configure build test test-tsan test-asan fuzz soak demo clean format

all: build

# hiredict (hiredis 1.x) unpacked by `make deps` for the runtime's second
# build (cmake/HiredictRuntime.cmake, docs/runtime.md).
HIREDICT_DIR ?= $(BUILD_DIR)/hiredict

deps:
	@LLVM=$(LLVM) HIREDICT_DIR=$(HIREDICT_DIR) scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
	  -DREHOST_LLVM_VERSION=$(LLVM) -DREHOST_HIREDICT_ROOT=$(abspath $(HIREDICT_DIR)) \
	  $(CMAKE_FLAGS)

# A build tree configured before hiredict was unpacked is configured again,
# so the second runtime build and its tests join it.
configure: deps $(BUILD_DIR)/build.ninja
	@if [ $(HIREDICT_DIR)/.unpacked -nt $(BUILD_DIR)/CMakeCache.txt ]; then \
	  cmake $(BUILD_DIR) -DREHOST_HIREDICT_ROOT=$(abspath $(HIREDICT_DIR)); fi

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

test-asan: deps
	cmake -S . -B $(ASAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
	  -DREHOST_LLVM_VERSION=14 -DREHOST_SANITIZE=ON
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	$(SANITIZER_ENV) ctest --test-dir $(ASAN_BUILD_DIR) --output-on-failure -j $(JOBS)

fuzz: deps
	cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
	  -DREHOST_LLVM_VERSION=14 -DREHOST_FUZZ=ON \
	  -DREHOST_BUILD_TESTS=OFF -DREHOST_RUNTIME_TESTS=OFF
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target rehost-fuzz-targets
	scripts/run-fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

demo: build
	scripts/demo.sh $(BUILD_DIR)

format:
	git ls-files '*.cpp' '*.h' '*.hpp' '*.c' | grep -v '^test/' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(TSAN_BUILD_DIR) $(SOAK_BUILD_DIR) $(ASAN_BUILD_DIR) \
	  $(FUZZ_BUILD_DIR)

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

.PHONY: all deps configure build test demo clean format

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

demo: build
	scripts/demo.sh $(BUILD_DIR)

format:
	git ls-files '*.cpp' '*.h' '*.hpp' '*.c' | grep -v '^test/' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)

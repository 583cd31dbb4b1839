# The README's two commands, and the developer targets around them.
# make run   - install what is missing, build, run vigil on examples/
# make test  - install what is missing, build, run every test, then again under ASan+UBSan
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build run test test-fast test-asan bench models clean

all: build

deps:
	@bash scripts/deps.sh

$(BUILD)/build.ninja $(BUILD)/Makefile:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

# make run builds quietly (the log is kept, and shown if the build fails): what a new user
# sees is vigil's output, not the compiler's.
run: deps $(BUILD)/Makefile
	@echo "building vigil (log: $(BUILD)/build.log) ..."
	@cmake --build $(BUILD) -j $(JOBS) >$(BUILD)/build.log 2>&1 || { cat $(BUILD)/build.log; exit 1; }
	@bash scripts/run-examples.sh $(BUILD)/vigil

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DVIGIL_SANITIZE=ON >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    VIGIL_SANITIZED=1 ctest --output-on-failure -j $(JOBS)

test: test-fast test-asan

bench: build
	@bash bench/run.sh $(BUILD)/vigil

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

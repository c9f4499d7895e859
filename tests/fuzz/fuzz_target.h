#pragma once
// The libFuzzer entry points every harness in tests/fuzz/ defines. Built with clang's -fsanitize=fuzzer they are
// driven by libFuzzer (tools/fuzz.sh); built by the normal build they are driven by replay_main.cpp over the
// committed seeds and regressions, so every crash once found is replayed by tools/test.sh.
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

#pragma once
// Private to the corpus layer: ICU reports failure through a UErrorCode out-parameter, which only fails when ICU's
// data is missing or broken (an installation problem, not bad input). Turning it into paperdex's Error here keeps
// std::runtime_error and ICU's codes out of what callers of text.h have to catch.
#include <string>

#include <unicode/utypes.h>

#include "paperdex/error.h"

namespace paperdex::text {

/// @throws Error("WHAT: U_..._ERROR") if `status` is a failure; returns otherwise.
inline void check_icu(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw Error(std::string(what) + ": " + u_errorName(status));
}

}  // namespace paperdex::text

// The default model and scenario, compiled into the binary (cmake/Embed.cmake), so that
// `msout run` with no options works from any directory.
#pragma once

#include <vector>

#include "model/source_text.h"

namespace msout::cli {

std::vector<model::SourceText> embedded_default_model();
model::SourceText embedded_default_scenario();

}  // namespace msout::cli

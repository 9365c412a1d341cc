// The default model, the scenarios shipped for it and the default scenario among them,
// compiled into the binary (cmake/Embed.cmake), so that `msout run` with no options, and
// `--scenario aws-out`, work from any directory. Names are "embedded:<path in the sources>".
#pragma once

#include <vector>

#include "model/source_text.h"

namespace msout::cli {

std::vector<model::SourceText> embedded_default_model();
std::vector<model::SourceText> embedded_scenarios();  // sorted by path
model::SourceText embedded_default_scenario();

}  // namespace msout::cli

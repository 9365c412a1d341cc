#include "sim/render/document.h"

namespace msout::render {

const char* state_word(State state) {
  switch (state) {
    case State::kUp:
      return "up";
    case State::kDegraded:
      return "degraded";
    case State::kDown:
      return "down";
  }
  return "up";
}

State final_state(const TimelineRow& row) {
  return row.spans.empty() ? State::kUp : row.spans.back().state;
}

}  // namespace msout::render

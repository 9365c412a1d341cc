#include "model/printable_text.h"

#include <string>

#include <doctest/doctest.h>

namespace msout::model {

TEST_CASE("Printable.KeepsPlainTextAndUtf8") {
  CHECK(printable("fn-payments") == "fn-payments");
  CHECK(printable("Zorginstituut — één") == "Zorginstituut — één");
  CHECK(printable("") == "");
}

TEST_CASE("Printable.EscapesControlCharacters") {
  CHECK(printable("a\nerror: forged") == "a\\nerror: forged");
  CHECK(printable("\x1b]0;title\x07") == "\\e]0;title\\x07");
  CHECK(printable(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(printable("tab\there\r") == "tab\\there\\r");
  CHECK(printable("\x7f") == "\\x7F");
  CHECK(printable("\xc2\x9b") == "\\u{009B}");      // C1 CSI
  CHECK(printable("\xe2\x80\xa8") == "\\u{2028}");  // line separator
}

TEST_CASE("Printable.EscapesInvalidUtf8") {
  CHECK(printable("\xff") == "\\xFF");
  CHECK(printable("\xc3") == "\\xC3");                    // truncated sequence
  CHECK(printable("\xc0\xaf") == "\\xC0\\xAF");           // overlong
  CHECK(printable("\xed\xa0\x80") == "\\xED\\xA0\\x80");  // surrogate
}

TEST_CASE("Printable.ShortensLongText") {
  const std::string huge(200'000, 'x');
  const std::string shown = printable(huge);
  CHECK(shown.size() < 160);
  CHECK(shown.find("(200000 bytes)") != std::string::npos);
  CHECK(shown.rfind(std::string(kPrintableMaxBytes, 'x'), 0) == 0);
  // Never cuts inside a UTF-8 sequence.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "é";
  const std::string cut = printable(accents, 11);
  CHECK(cut.rfind("éééééé…", 0) == 0);
}

TEST_CASE("Printable.QuotedAndEscapeControls") {
  CHECK(quoted("x\ny") == "\"x\\ny\"");
  const std::string long_line(1000, 'a');
  CHECK(escape_controls(long_line + "\n") == long_line + "\\n");
}

}  // namespace msout::model

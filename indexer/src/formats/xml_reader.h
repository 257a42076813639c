// libxml2's streaming reader (xmlTextReader) over an InputStream, with errors
// kept instead of printed. A pull parser holds one node at a time, so a
// newsMessage of thousands of items is read in constant memory.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "formats/input_stream.h"

namespace attache::indexer {

class XmlReader {
 public:
  explicit XmlReader(InputStream& in);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Moves to the next element start or end; false at the end of the document
  // or at the first error (then error() says why).
  bool next();
  bool at_start() const { return start_; }
  // A start tag that is also its end (<block/>): no end follows.
  bool is_empty_element() const;
  std::string_view name() const;  // local name, without namespace prefix
  int depth() const;
  std::optional<std::string> attribute(const char* name) const;
  // The element's text, its descendants' included, whitespace runs made one space.
  std::string text() const;
  // The same, as written (for plain text whose lines and blank lines matter).
  std::string verbatim_text() const;
  uint64_t line() const;
  const std::string& error() const { return error_; }
  uint64_t error_line() const { return error_line_; }

  struct State;  // libxml2's reader and the first error it reported

 private:
  std::unique_ptr<State> state_;
  bool start_ = false;
  std::string error_;
  uint64_t error_line_ = 0;
};

// Adds a paragraph to a text, a blank line between paragraphs.
void append_paragraph(std::string& text, const std::string& paragraph);

// Whitespace runs (newlines of the XML layout included) made one space, trimmed.
std::string collapse_whitespace(std::string_view text);

}  // namespace attache::indexer

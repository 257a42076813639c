// The xmlTextReader wrapper: network access and external DTDs off (a NITF
// file's DOCTYPE names a DTD on the web), entities left unexpanded.
#include "formats/xml_reader.h"

#include <libxml/xmlreader.h>

#include <mutex>

namespace attache::indexer {

struct XmlReader::State {
  xmlTextReaderPtr reader = nullptr;
  std::string first_error;
  uint64_t error_line = 0;
};

namespace {

int read_callback(void* context, char* buffer, int length) {
  auto& stream = static_cast<InputStream*>(context)->stream();
  stream.read(buffer, length);
  return static_cast<int>(stream.gcount());
}

void error_callback(void* context, xmlErrorPtr error) {
  auto* state = static_cast<XmlReader::State*>(context);
  // An entity the DOCTYPE's unread external DTD may declare (&nbsp; in NITF)
  // is not a well-formedness error; its reference is left out of the text.
  if (!error || error->level < XML_ERR_ERROR || error->code == XML_WAR_UNDECLARED_ENTITY ||
      !state->first_error.empty())
    return;
  std::string message = error->message ? error->message : "malformed XML";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  state->first_error = message;
  state->error_line = static_cast<uint64_t>(error->line > 0 ? error->line : 0);
}

}  // namespace

XmlReader::XmlReader(InputStream& in) : state_(std::make_unique<State>()) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  state_->reader = xmlReaderForIO(read_callback, nullptr, &in, nullptr, nullptr, XML_PARSE_NONET | XML_PARSE_COMPACT);
  if (!state_->reader) {
    error_ = "libxml2 could not start a reader";
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(state_->reader, error_callback, state_.get());
}

XmlReader::~XmlReader() {
  if (state_->reader) xmlFreeTextReader(state_->reader);
}

bool XmlReader::next() {
  if (!state_->reader || !error_.empty()) return false;
  for (;;) {
    int rc = xmlTextReaderRead(state_->reader);
    if (rc != 1 || !state_->first_error.empty()) {
      if (rc < 0 || !state_->first_error.empty()) {
        error_line_ = state_->error_line ? state_->error_line : line();
        error_ = state_->first_error.empty() ? std::string("malformed XML") : state_->first_error;
      }
      return false;
    }
    int type = xmlTextReaderNodeType(state_->reader);
    if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT) {
      start_ = type == XML_READER_TYPE_ELEMENT;
      return true;
    }
  }
}

bool XmlReader::is_empty_element() const { return xmlTextReaderIsEmptyElement(state_->reader) == 1; }

std::string_view XmlReader::name() const {
  const xmlChar* n = xmlTextReaderConstLocalName(state_->reader);
  return n ? std::string_view(reinterpret_cast<const char*>(n)) : std::string_view();
}

int XmlReader::depth() const { return xmlTextReaderDepth(state_->reader); }

std::optional<std::string> XmlReader::attribute(const char* attribute_name) const {
  xmlChar* value = xmlTextReaderGetAttribute(state_->reader, reinterpret_cast<const xmlChar*>(attribute_name));
  if (!value) return std::nullopt;
  std::string s(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return s;
}

std::string XmlReader::verbatim_text() const {
  xmlChar* value = xmlTextReaderReadString(state_->reader);
  if (!value) return {};
  std::string s(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return s;
}

std::string XmlReader::text() const { return collapse_whitespace(verbatim_text()); }

void append_paragraph(std::string& text, const std::string& paragraph) {
  if (paragraph.empty()) return;
  if (!text.empty()) text += "\n\n";
  text += paragraph;
}

uint64_t XmlReader::line() const {
  xmlNodePtr node = xmlTextReaderCurrentNode(state_->reader);
  long n = node ? xmlGetLineNo(node) : xmlTextReaderGetParserLineNumber(state_->reader);
  return n > 0 ? static_cast<uint64_t>(n) : 0;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace attache::indexer

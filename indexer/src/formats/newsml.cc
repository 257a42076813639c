// NewsML-G2 news items (IPTC): a <newsItem>, or a <newsMessage> whose
// itemSets hold several, one article each. The guid is the id, <headline> the
// title, <contentCreated> (else <versionCreated>) the date, the <provider>'s
// name, literal or qcode the source, the <creator> (else <by>) the author,
// <located> (else the <dateline>'s place) the place, <language tag> (else
// xml:lang) the language, and the text the paragraphs of the inline
// XHTML or NITF body (<inlineXML>), or the plain text of <inlineData>.
#include "article_fields.h"
#include "attache/indexer/dateline.h"
#include "formats/xml_formats.h"

namespace attache::indexer {
namespace {

struct NewsItem {
  RecordFields fields;
  std::string content_created, version_created;
  uint64_t line = 0;
};

// "nprov:REUTERS" is "REUTERS".
std::string qcode_code(const std::string& qcode) {
  size_t colon = qcode.find(':');
  return colon == std::string::npos ? qcode : qcode.substr(colon + 1);
}

}  // namespace

void read_newsml(XmlReader& xml, const InputFile& input, const ArticleSink& sink) {
  const std::string display = display_name(input);
  NewsItem item;
  int item_depth = -1, provider_depth = -1, inline_depth = -1, creator_depth = -1, located_depth = -1;
  auto finish = [&] {
    item.fields.date = !item.content_created.empty() ? item.content_created : item.version_created;
    std::string fallback_id = (input.path == "-" ? std::string("stdin") : input.path) + ":" + std::to_string(item.line);
    emit(article_from_record(std::move(item.fields), RecordOrigin{display, item.line, fallback_id},
                             "<contentCreated> or <versionCreated>", "the <inlineXML> or <inlineData> text"),
         sink);
    item = NewsItem{};
  };
  // The root is the current node: a lone newsItem starts at once.
  do {
    std::string_view name = xml.name();
    int depth = xml.depth();
    if (!xml.at_start()) {
      if (depth == item_depth) {
        finish();
        item_depth = -1;
      }
      if (depth == provider_depth) provider_depth = -1;
      if (depth == inline_depth) inline_depth = -1;
      if (depth == creator_depth) creator_depth = -1;
      if (depth == located_depth) located_depth = -1;
      continue;
    }
    if (name == "newsItem") {
      item = NewsItem{};
      item.fields.id = xml.attribute("guid").value_or("");
      item.fields.language = xml.attribute("xml:lang").value_or("");
      item.line = xml.line();
      item_depth = xml.is_empty_element() ? -1 : depth;
    } else if (item_depth < 0) {
      continue;  // the newsMessage's header
    } else if (name == "contentCreated") {
      item.content_created = xml.text();
    } else if (name == "versionCreated") {
      item.version_created = xml.text();
    } else if (name == "headline" && item.fields.title.empty()) {
      item.fields.title = xml.text();
    } else if (name == "provider") {
      std::string literal = xml.attribute("literal").value_or("");
      item.fields.source = !literal.empty() ? literal : qcode_code(xml.attribute("qcode").value_or(""));
      if (!xml.is_empty_element()) provider_depth = depth;
    } else if (name == "name" && provider_depth >= 0) {
      item.fields.source = xml.text();
    } else if (name == "creator" && item.fields.author.empty()) {
      item.fields.author = xml.attribute("literal").value_or("");
      if (!xml.is_empty_element()) creator_depth = depth;
    } else if (name == "name" && creator_depth >= 0 && item.fields.author.empty()) {
      item.fields.author = xml.text();
    } else if (name == "by" && item.fields.author.empty()) {
      item.fields.author = author_from_byline(xml.text());
    } else if (name == "located" && item.fields.place.empty()) {
      item.fields.place = xml.attribute("literal").value_or("");
      if (!xml.is_empty_element()) located_depth = depth;
    } else if (name == "name" && located_depth >= 0 && item.fields.place.empty()) {
      item.fields.place = xml.text();
    } else if (name == "dateline" && item.fields.place.empty()) {
      item.fields.place = dateline_place(xml.text());
    } else if (name == "language" && item.fields.language.empty()) {
      item.fields.language = xml.attribute("tag").value_or("");
    } else if (name == "inlineXML" && !xml.is_empty_element()) {
      inline_depth = depth;
    } else if (name == "inlineData") {
      append_paragraph(item.fields.text, xml.verbatim_text());
    } else if (inline_depth >= 0 && name == "p") {
      append_paragraph(item.fields.text, xml.text());
    }
  } while (xml.next());
  if (!xml.error().empty()) {
    std::string lost = item_depth >= 0 ? " (the news item from line " + std::to_string(item.line) + " on is lost)" : "";
    sink.problem(InputProblem{display, xml.error_line(), SkipReason::invalid_xml, xml.error() + lost});
  }
}

}  // namespace attache::indexer

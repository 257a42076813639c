// NITF 3.x as the New York Times Annotated Corpus writes it: one article a
// file; <pubdata date.publication="20070111T000000"> or the publication_*
// <meta>s for the date, <hl1> (else <title>) for the title, <doc-id
// id-string> for the id, the print <byline> (else any) for the author, the
// <dateline>'s place, the "full_text" block's paragraphs for the text (the
// "lead_paragraph" block's when there is no full text).
#include <filesystem>

#include "article_fields.h"
#include "attache/indexer/dateline.h"
#include "formats/xml_formats.h"

namespace attache::indexer {
namespace {

// "20070111T000000" (NITF's ISO 8601 basic form) as "2007-01-11".
std::string nitf_date(const std::string& value) {
  if (value.size() < 8) return value;
  for (size_t i = 0; i < 8; ++i)
    if (value[i] < '0' || value[i] > '9') return value;
  return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

struct NitfArticle {
  RecordFields fields;
  std::string head_title, year, month, day;
  std::string print_byline, other_byline;
  std::string full_text, lead_text, other_text;  // paragraphs joined by blank lines
};

}  // namespace

void read_nitf(XmlReader& xml, const InputFile& input, const ArticleSink& sink) {
  NitfArticle a;
  std::string block;  // the class of the <block> being read
  int block_depth = -1;
  bool in_head = false;
  while (xml.next()) {
    std::string_view name = xml.name();
    if (!xml.at_start()) {
      if (xml.depth() == block_depth) block_depth = -1, block.clear();
      if (name == "head") in_head = false;
      continue;
    }
    if (name == "head") {
      in_head = !xml.is_empty_element();
    } else if (name == "title" && in_head) {
      a.head_title = xml.text();
    } else if (name == "meta") {
      std::string meta = xml.attribute("name").value_or("");
      std::string content = xml.attribute("content").value_or("");
      if (meta == "publication_year") a.year = content;
      if (meta == "publication_month") a.month = content;
      if (meta == "publication_day_of_month") a.day = content;
    } else if (name == "doc-id") {
      a.fields.id = xml.attribute("id-string").value_or("");
    } else if (name == "pubdata") {
      a.fields.date = nitf_date(xml.attribute("date.publication").value_or(""));
      a.fields.url = xml.attribute("ex-ref").value_or("");
      a.fields.source = xml.attribute("name").value_or("");
    } else if (name == "nitf") {
      a.fields.language = xml.attribute("xml:lang").value_or("");
    } else if (name == "byline") {
      (xml.attribute("class").value_or("") == "print_byline" ? a.print_byline : a.other_byline) = xml.text();
    } else if (name == "dateline") {
      a.fields.place = dateline_place(xml.text());
    } else if (name == "hl1" && a.fields.title.empty()) {
      a.fields.title = xml.text();
    } else if (name == "block" && !xml.is_empty_element()) {
      block = xml.attribute("class").value_or("");
      block_depth = xml.depth();
    } else if (name == "p") {
      append_paragraph(block == "full_text" ? a.full_text : block == "lead_paragraph" ? a.lead_text : a.other_text,
                    xml.text());
    }
  }
  const std::string display = display_name(input);
  if (!xml.error().empty()) {
    sink.problem(InputProblem{display, xml.error_line(), SkipReason::invalid_xml, xml.error()});
    return;
  }
  if (a.fields.date.empty() && !a.year.empty() && !a.month.empty() && !a.day.empty())
    a.fields.date = a.year + "-" + (a.month.size() == 1 ? "0" : "") + a.month + "-" + (a.day.size() == 1 ? "0" : "") + a.day;
  if (a.fields.title.empty()) a.fields.title = a.head_title;
  a.fields.author = author_from_byline(!a.print_byline.empty() ? a.print_byline : a.other_byline);
  a.fields.text = !a.full_text.empty() ? a.full_text : !a.lead_text.empty() ? a.lead_text : a.other_text;
  std::filesystem::path stem = std::filesystem::path(input.path).stem();
  if (stem.extension() == ".xml" || stem.extension() == ".nitf") stem = stem.stem();  // "1816753.xml.gz"
  emit(article_from_record(std::move(a.fields), RecordOrigin{display, 0, stem.string()},
                           "<pubdata date.publication> or publication_* <meta>", "the body's <p> text"),
       sink);
}

}  // namespace attache::indexer

// XML inputs: NITF 3.x and NewsML-G2, told apart by the root element, each
// walked element by element (nitf.cc, newsml.cc).
#include "formats/format_readers.h"
#include "formats/xml_formats.h"

namespace attache::indexer {

void read_xml(InputStream& in, const InputFile& input, const ArticleSink& sink) {
  XmlReader xml(in);
  const std::string display = display_name(input);
  if (!xml.next()) {
    std::string why = xml.error().empty() ? "no root element" : xml.error();
    sink.problem(InputProblem{display, xml.error_line(), SkipReason::invalid_xml, why});
    return;
  }
  std::string_view root = xml.name();
  if (root == "nitf") {
    read_nitf(xml, input, sink);
  } else if (root == "newsItem" || root == "newsMessage") {
    read_newsml(xml, input, sink);
  } else {
    sink.problem(InputProblem{display, xml.line(), SkipReason::invalid_xml,
                              "root element <" + std::string(root) + "> is neither <nitf> nor NewsML-G2's <newsItem> or "
                              "<newsMessage>"});
    return;
  }
  sink.progress(in.take_progress());
}

}  // namespace attache::indexer

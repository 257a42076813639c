// The XML formats, each reading from the root element on.
#pragma once

#include "formats/format_readers.h"
#include "formats/xml_reader.h"

namespace attache::indexer {

void read_nitf(XmlReader& xml, const InputFile& input, const ArticleSink& sink);
void read_newsml(XmlReader& xml, const InputFile& input, const ArticleSink& sink);

}  // namespace attache::indexer

// brat standoff: "T<n>\t<Kind> <start> <end>[;<start> <end>...]\t<text>" spans
// in code points, "E<n>\tAttribution:T<a> Content:T<b> Cue:T<c> Source:T<d>"
// tying one attribution's parts together, and "#<n>\tAnnotatorNotes E<n>\tspeaker: <name>"
// naming who spoke in full (tools/eval/probes_to_brat.py writes it; PolNeAR's few notes are
// annotators' remarks on spans, and are not read).
#include "polnear.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string_view>

#include "attache/storage/error.h"

namespace attache::evaluation {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error(ErrorKind::io, p.string() + ": cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Byte offset of every code point (and of the end).
std::vector<uint32_t> code_point_bytes(const std::string& text) {
  std::vector<uint32_t> at;
  for (uint32_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) at.push_back(i);
  at.push_back(static_cast<uint32_t>(text.size()));
  return at;
}

std::vector<indexer::LabelledAttribution> read_annotation(const std::filesystem::path& file, const std::string& text) {
  const std::vector<uint32_t> bytes = code_point_bytes(text);
  std::map<std::string, indexer::ByteSpans> spans;
  std::vector<std::pair<std::string, std::map<std::string, std::string>>> relations;
  std::map<std::string, std::string> notes;
  std::istringstream in(read_file(file));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    auto bad = [&](const std::string& why) {
      return Error(ErrorKind::invalid_input, file.string() + ":" + std::to_string(number) + ": " + why);
    };
    std::istringstream fields(line);
    std::string id, body;
    std::getline(fields, id, '\t');
    std::getline(fields, body, '\t');
    if (id.empty() || body.empty()) continue;
    if (id[0] == 'T') {
      std::string kind = body.substr(0, body.find(' '));
      std::istringstream ranges(body.substr(kind.size()));
      indexer::ByteSpans pieces;
      std::string piece;
      while (std::getline(ranges, piece, ';')) {
        std::istringstream numbers(piece);
        size_t a, b;
        if (!(numbers >> a >> b) || a > b || b >= bytes.size()) throw bad("span '" + piece + "' is not within the text");
        pieces.emplace_back(bytes[a], bytes[b]);
      }
      spans[id] = pieces;
    } else if (id[0] == 'E') {
      std::map<std::string, std::string> parts;
      std::istringstream args(body);
      std::string arg;
      while (args >> arg) {
        size_t colon = arg.find(':');
        if (colon != std::string::npos) parts[arg.substr(0, colon)] = arg.substr(colon + 1);
      }
      relations.emplace_back(id, parts);
    } else if (id[0] == '#' && body.starts_with("AnnotatorNotes ")) {
      constexpr std::string_view kSpeaker = "speaker: ";
      std::string note;
      std::getline(fields, note);
      if (note.starts_with(kSpeaker)) notes[body.substr(body.find(' ') + 1)] = note.substr(kSpeaker.size());
    }
  }
  std::vector<indexer::LabelledAttribution> out;
  for (auto& [id, r] : relations) {
    indexer::LabelledAttribution a;
    a.content = spans[r["Content"]];
    a.cue = spans[r["Cue"]];
    a.source = spans[r["Source"]];
    a.speaker = notes[id];
    if (!a.content.empty()) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

std::vector<PolnearArticle> load_polnear(const std::filesystem::path& split) {
  std::vector<std::filesystem::path> texts;
  for (const auto& e : std::filesystem::directory_iterator(split / "text"))
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  std::sort(texts.begin(), texts.end());
  std::vector<std::filesystem::path> annotations;
  for (const auto& e : std::filesystem::directory_iterator(split / "attributions"))
    if (e.path().extension() == ".ann") annotations.push_back(e.path());
  std::sort(annotations.begin(), annotations.end());
  const std::regex month(R"(_(\d{4}-\d{2})-\d{2}_)");
  std::vector<PolnearArticle> out;
  for (const auto& t : texts) {
    const std::string name = t.stem().string();
    auto ann = std::find_if(annotations.begin(), annotations.end(), [&](const std::filesystem::path& a) {
      return a.filename().string().rfind(name + "_", 0) == 0;
    });
    if (ann == annotations.end()) continue;
    PolnearArticle a;
    a.example.name = name;
    a.example.text = read_file(t);
    a.example.attributions = read_annotation(*ann, a.example.text);
    a.publisher = name.substr(0, name.find('_'));
    std::smatch m;
    if (std::regex_search(name, m, month)) a.month = m[1];
    out.push_back(std::move(a));
  }
  return out;
}

std::set<std::string> read_name_list(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw Error(ErrorKind::io, file + ": cannot read");
  std::set<std::string> names;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') names.insert(line);
  return names;
}

}  // namespace attache::evaluation

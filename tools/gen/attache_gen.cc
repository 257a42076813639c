// attache-gen: a deterministic generator of articles shaped like diplomatic
// news, for benchmarks. It learns word bigrams from real English text, so the
// vocabulary is Zipfian and phrases are plausible, and weaves in a few
// thousand recurring speakers with titles, quoted and reported statements.
// Output: JSON Lines on stdout, one article a line.
#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "attache/storage/date.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// xorshift-style 64-bit generator with a fixed algorithm, so every platform
// and standard library generates the same corpus for the same seed.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }
  bool chance(double p) { return static_cast<double>(next() >> 11) / 9007199254740992.0 < p; }

 private:
  uint64_t state_;
};

// Word bigrams learned from text: each word's followers with cumulative counts.
class BigramModel {
 public:
  void learn(const std::string& text) {
    std::istringstream in(text);
    std::string word;
    uint32_t previous = kSentenceStart;
    while (in >> word) {
      if (!clean(word)) {
        previous = kSentenceStart;
        continue;
      }
      uint32_t id = intern(word);
      ++followers_[previous][id];
      previous = ends_sentence(word) ? kSentenceStart : id;
    }
  }

  void finish() {
    for (auto& [from, counts] : followers_) {
      Table& t = tables_[from];
      uint64_t total = 0;
      std::vector<std::pair<uint32_t, uint32_t>> sorted(counts.begin(), counts.end());
      std::sort(sorted.begin(), sorted.end());
      for (auto [to, n] : sorted) {
        total += n;
        t.next.push_back(to);
        t.cumulative.push_back(total);
      }
    }
    followers_.clear();
  }

  bool empty() const { return tables_.empty(); }
  size_t vocabulary() const { return words_.size(); }

  // One sentence of 4 to 45 words, ending with its punctuation.
  std::string sentence(Random& rng) const {
    std::string out;
    uint32_t at = kSentenceStart;
    for (int n = 0; n < 45; ++n) {
      auto it = tables_.find(at);
      if (it == tables_.end()) break;
      const Table& t = it->second;
      uint64_t pick = rng.below(t.cumulative.back());
      size_t k = static_cast<size_t>(std::upper_bound(t.cumulative.begin(), t.cumulative.end(), pick) - t.cumulative.begin());
      at = t.next[k];
      const std::string& w = words_[at];
      if (!out.empty()) out += ' ';
      out += w;
      if (ends_sentence(w)) {
        if (n >= 3) return out;
        at = kSentenceStart;  // too short: keep going
      }
    }
    while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
    return out + ".";
  }

 private:
  static constexpr uint32_t kSentenceStart = UINT32_MAX;
  struct Table {
    std::vector<uint32_t> next;
    std::vector<uint64_t> cumulative;
  };

  // Drops stage directions, control bytes and quotation marks (statements add
  // their own).
  static bool clean(std::string& w) {
    if (w.find('[') != std::string::npos || w.find(']') != std::string::npos) return false;
    std::string out;
    for (size_t i = 0; i < w.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(w[i]);
      if (c == '"' || c < 0x20) continue;
      if (c == 0xe2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(w[i + 2]) == 0x9c || static_cast<unsigned char>(w[i + 2]) == 0x9d)) {
        i += 2;
        continue;
      }
      out.push_back(w[i]);
    }
    w = out;
    return !w.empty();
  }
  static bool ends_sentence(const std::string& w) {
    char c = w.back();
    return c == '.' || c == '?' || c == '!';
  }
  uint32_t intern(const std::string& w) {
    auto [it, fresh] = ids_.try_emplace(w, static_cast<uint32_t>(words_.size()));
    if (fresh) words_.push_back(w);
    return it->second;
  }

  std::vector<std::string> words_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::unordered_map<uint32_t, std::unordered_map<uint32_t, uint32_t>> followers_;
  std::unordered_map<uint32_t, Table> tables_;
};

const char* kMaleNames[] = {"Sergei", "Dmitri", "Alexander", "Mikhail", "Andrei", "Vladimir", "Igor", "Antony",
                            "John", "Michael", "Olaf", "Emmanuel", "Jens", "Josep", "Wang", "Li", "Mevlut",
                            "Dmytro", "Volodymyr", "Boris", "Heiko", "Jean-Yves", "Luigi", "Radoslaw", "Pedro",
                            "Kenji", "Ahmed", "Omar", "Karim", "Tomas", "Pavel", "Viktor", "Nikolai", "Yuri",
                            "Hassan", "Ali"};
const char* kFemaleNames[] = {"Wendy", "Victoria", "Ursula", "Kadri", "Annalena", "Catherine", "Maria", "Elena",
                              "Anna", "Olga", "Linda", "Kaja", "Liz", "Nancy", "Samantha", "Hua", "Sophie",
                              "Ingrid", "Marta", "Teresa", "Ayse", "Fatima", "Leila", "Irina", "Natalia",
                              "Svetlana", "Julia", "Karen", "Helga", "Agnieszka"};
const char* kSurnames[] = {"Ryabkov", "Sherman", "Lavrov", "Blinken", "Stoltenberg", "Borrell", "Kuleba",
                           "Grushko", "Nuland", "Liik", "Baerbock", "Cavusoglu", "Wang", "Zakharova", "Peskov",
                           "Lukashevich", "Carpenter", "Rau", "Trenin", "Kyslytsya", "Nebenzia", "Guterres",
                           "Colonna", "Tajani", "Albares", "Sikorski", "Kallas", "Hayashi", "Shoukry", "Safadi",
                           "Fidan", "Szijjarto", "Lipavsky", "Landsbergis", "Rinkevics", "Tsahkna", "Kovacs",
                           "Novak", "Horvat", "Petrov", "Ivanov", "Smirnov", "Kuznetsov", "Popescu", "Nowak",
                           "Dubois", "Moreau", "Laurent", "Fischer", "Weber", "Schneider", "Rossi", "Bianchi",
                           "Garcia", "Martinez", "Silva", "Santos", "Yilmaz", "Kaya", "Demir", "Tanaka",
                           "Suzuki", "Chen", "Zhang", "Liu", "Haddad", "Nasser", "Khalil", "Okafor", "Mensah"};
const char* kTitles[] = {"Foreign Minister", "Deputy Foreign Minister", "Defense Minister", "Prime Minister",
                         "President", "Ambassador", "Under Secretary of State", "Secretary of State",
                         "Deputy Secretary of State", "Secretary General", "national security adviser",
                         "chief negotiator", "spokeswoman for the Foreign Ministry", "spokesman for the Kremlin",
                         "senior fellow at the Carnegie Endowment", "analyst at the European Council on Foreign Relations",
                         "envoy to the United Nations", "Deputy Prime Minister", "Interior Minister",
                         "head of the delegation"};
const char* kCountries[] = {"Russia", "the United States", "France", "Germany", "Ukraine", "China", "Turkey",
                            "Britain", "Poland", "Italy", "Spain", "Japan", "Egypt", "Jordan", "Hungary",
                            "the Czech Republic", "Lithuania", "Latvia", "Estonia", "Finland", "Sweden", "India"};
const char* kCities[] = {"Geneva", "Brussels", "Moscow", "Washington", "Kyiv", "Vienna", "Berlin", "Paris",
                         "Beijing", "Ankara", "Warsaw", "Rome", "London", "Tokyo", "New York", "Munich"};

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}
const char* kSources[] = {"Attache Wire", "Geneva Post", "Diplomatic Courier", "Eastern Herald", "Evening Ledger"};
const char* kSayVerbs[] = {"said", "said", "said", "insisted", "warned", "reiterated", "stressed", "added",
                           "noted", "told reporters", "argued", "cautioned", "emphasized", "underscored"};

struct Speaker {
  std::string first, last, title, country;
  bool female;
  std::string full() const { return first + " " + last; }
  std::string honorific() const { return std::string(female ? "Ms. " : "Mr. ") + last; }
  std::string pronoun() const { return female ? "she" : "he"; }
};

std::vector<Speaker> make_speakers(size_t count, Random& rng) {
  std::vector<Speaker> speakers;
  const size_t males = std::size(kMaleNames), females = std::size(kFemaleNames), surnames = std::size(kSurnames);
  for (size_t i = 0; speakers.size() < count && i < (males + females) * surnames; ++i) {
    // Walk all (first, last) pairs in a scrambled but fixed order.
    size_t k = (i * 7919) % ((males + females) * surnames);
    size_t first = k / surnames, last = k % surnames;
    Speaker s;
    s.female = first >= males;
    s.first = s.female ? kFemaleNames[first - males] : kMaleNames[first];
    s.last = kSurnames[last];
    s.title = kTitles[rng.below(std::size(kTitles))];
    s.country = kCountries[rng.below(std::size(kCountries))];
    speakers.push_back(s);
  }
  return speakers;
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z') &&
      s.rfind("I ", 0) != 0)
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string without_period(std::string s) {
  if (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?')) s.pop_back();
  return s;
}

// A statement by speaker `s`, in one of the shapes news uses.
std::string statement(const Speaker& s, bool first_mention, const BigramModel& model, Random& rng) {
  std::string said = kSayVerbs[rng.below(std::size(kSayVerbs))];
  std::string name = first_mention ? s.title + " " + s.full() : (rng.chance(0.5) ? s.honorific() : s.last);
  std::string quote = model.sentence(rng);
  switch (rng.below(6)) {
    case 0: return "“" + without_period(quote) + ",” " + said + " " + name + ".";
    case 1: return name + " " + said + " that " + lower_first(quote);
    case 2: return "According to " + name + ", " + lower_first(quote);
    case 3:
      return (first_mention ? s.full() + ", " + s.country + "’s " + s.title : name) + ", " + said + ": \"" + quote + "\"";
    case 4: return "\"" + without_period(quote) + ",\" " + name + " " + said + ". \"" + model.sentence(rng) + "\"";
    default: return name + " " + said + " on " + (rng.chance(0.5) ? "Tuesday" : "Friday") + " that " + lower_first(quote);
  }
}

std::string title_case_words(const std::string& sentence, size_t words) {
  std::istringstream in(without_period(sentence));
  std::string w, out;
  for (size_t n = 0; n < words && in >> w; ++n) {
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':')) w.pop_back();
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

void read_text(const fs::path& path, BigramModel& model) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  model.learn(buffer.str());
}

// A rewrite of a wire story: one paragraph cut, an update paragraph added at the top, or a few
// sentences replaced.
std::string light_edit(const std::string& text, const BigramModel& model, Random& rng) {
  std::vector<std::string> paragraphs;
  for (size_t at = 0;;) {
    const size_t end = text.find("\n\n", at);
    paragraphs.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (end == std::string::npos) break;
    at = end + 2;
  }
  const uint64_t kind = rng.below(3);
  if (kind == 0 && paragraphs.size() > 3) {
    paragraphs.erase(paragraphs.begin() + 1 + static_cast<std::ptrdiff_t>(rng.below(paragraphs.size() - 1)));
  } else if (kind == 1) {
    paragraphs.insert(paragraphs.begin(), "UPDATE: " + model.sentence(rng) + " " + model.sentence(rng));
  } else {
    for (int k = 0; k < 2; ++k) {
      std::string& p = paragraphs[rng.below(paragraphs.size())];
      const size_t stop = p.find(". ");
      p = model.sentence(rng) + (stop == std::string::npos ? "" : p.substr(stop + 1));
    }
  }
  std::string out;
  for (const std::string& p : paragraphs) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description options("options");
  uint64_t count = 1000, seed = 1, speakers_count = 3000;
  int start_year = 2004, years = 20;
  size_t min_words = 300, max_words = 1500;
  double duplicates = 0;
  std::vector<std::string> learn;
  options.add_options()
      ("help,h", "show this help")
      ("count,n", po::value(&count)->default_value(1000), "articles to generate")
      ("seed", po::value(&seed)->default_value(1), "the same seed gives the same corpus")
      ("learn", po::value(&learn)->value_name("PATH")->required(),
       "text files or directories of .txt files to learn words from (corpus/, or SOTU from bench/fetch-sotu.sh)")
      ("speakers", po::value(&speakers_count)->default_value(3000), "recurring speakers")
      ("start-year", po::value(&start_year)->default_value(2004), "first year of the dates")
      ("years", po::value(&years)->default_value(20), "years the dates spread over")
      ("min-words", po::value(&min_words)->default_value(300), "shortest article")
      ("max-words", po::value(&max_words)->default_value(1500), "longest article")
      ("duplicates", po::value(&duplicates)->default_value(0),
       "after this share of articles, a light rewrite of it (another source, headline and later date; a paragraph "
       "cut, an update added or a few words changed) with \"copy_of\" naming the original");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    if (vm.count("help")) {
      std::cout << "usage: attache-gen --learn PATH [--count N] [--seed S] > articles.jsonl\n\n" << options
                << "\nexample:\n  attache-gen --learn corpus/ --count 100000 --seed 7 > bench/gen-100k.jsonl\n";
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "attache-gen: " << e.what() << " (see attache-gen --help)\n";
    return 2;
  }
  if (min_words < 20 || max_words < min_words || years < 1 || !(duplicates >= 0 && duplicates <= 1)) {
    std::cerr << "attache-gen: need 20 <= --min-words <= --max-words and --years >= 1\n";
    return 2;
  }

  BigramModel model;
  for (const auto& path : learn) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(path))
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) read_text(f, model);
    } else if (fs::exists(path, ec)) {
      read_text(path, model);
    } else {
      std::cerr << "attache-gen: " << path << ": no such file or directory\n";
      return 1;
    }
  }
  model.finish();
  if (model.empty()) {
    std::cerr << "attache-gen: no words to learn from\n";
    return 1;
  }

  Random rng(seed);
  std::vector<Speaker> speakers = make_speakers(speakers_count, rng);
  // Speakers recur with Zipf-like frequency: a few appear in many articles.
  auto pick_speaker = [&]() -> const Speaker& {
    double u = static_cast<double>(rng.next() >> 11) / 9007199254740992.0;
    size_t k = static_cast<size_t>(std::pow(static_cast<double>(speakers.size()), u)) - 1;
    return speakers[std::min(k, speakers.size() - 1)];
  };
  const attache::Day first_day = *attache::day_from_civil(start_year, 1, 1);
  const attache::Day span = *attache::day_from_civil(start_year + years, 1, 1) - first_day;

  std::ios::sync_with_stdio(false);
  for (uint64_t n = 0; n < count; ++n) {
    size_t target = min_words + rng.below(max_words - min_words + 1);
    std::vector<const Speaker*> cast;
    for (size_t k = 0, people = 1 + rng.below(4); k < people; ++k) cast.push_back(&pick_speaker());
    std::vector<bool> introduced(cast.size(), false);
    std::string text = upper(kCities[rng.below(std::size(kCities))]) + " — ";
    size_t words = 0;
    bool first_paragraph = true;
    while (words < target) {
      std::string paragraph;
      for (size_t s = 0, sentences = 2 + rng.below(3); s < sentences; ++s) {
        std::string sentence;
        if (rng.chance(0.3)) {
          size_t who = rng.below(cast.size());
          sentence = statement(*cast[who], !introduced[who], model, rng);
          introduced[who] = true;
        } else if (rng.chance(0.05) && cast.size() > 1) {
          sentence = cast[0]->full() + " met " + cast[1]->full() + " in " + kCities[rng.below(std::size(kCities))] +
                     " last week.";
        } else {
          sentence = model.sentence(rng);
        }
        words += static_cast<size_t>(std::count(sentence.begin(), sentence.end(), ' ')) + 1;
        paragraph += (paragraph.empty() ? "" : " ") + sentence;
      }
      text += (first_paragraph ? "" : "\n\n") + paragraph;
      first_paragraph = false;
    }
    nlohmann::ordered_json article = {
        {"id", "gen-" + std::to_string(seed) + "-" + std::to_string(n)},
        {"date", attache::format_day(first_day + static_cast<attache::Day>(rng.below(static_cast<uint64_t>(span))))},
        {"title", title_case_words(model.sentence(rng), 5 + rng.below(6))},
        {"source", kSources[rng.below(std::size(kSources))]},
        {"text", text}};
    std::cout << article.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    if (duplicates > 0 && rng.chance(duplicates)) {
      nlohmann::ordered_json copy = article;
      copy["id"] = article["id"].get<std::string>() + "-copy";
      copy["copy_of"] = article["id"];
      const attache::Day day = *attache::parse_date(article["date"].get<std::string>());
      copy["date"] = attache::format_day(day + 1 + static_cast<attache::Day>(rng.below(30)));
      copy["title"] = title_case_words(model.sentence(rng), 5 + rng.below(6));
      copy["source"] = kSources[rng.below(std::size(kSources))];
      copy["text"] = light_edit(text, model, rng);
      std::cout << copy.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  return 0;
}

// xapian-page: the Xapian side of the whole-process comparison in
// BENCHMARKS.md ("A lean attache"). The least a program linking Xapian does
// for what `attache search --limit 10 WORD` prints: open the articles database
// of an index written by `attache index --backend xapian`, rank one stemmed
// word by BM25, count the matches exactly, and print each of the top 10 hits'
// title, id and Xapian's own snippet (Xapian::MSet::snippet) of its text.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: xapian-page XAPIAN-INDEX-DIR WORD\n";
    return 2;
  }
  try {
    const Xapian::Database db(std::string(argv[1]) + "/articles");
    std::string word = argv[2];
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    const Xapian::Stem stem("english");
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(stem(word)));
    // attache counts its matches exactly; so must this.
    const Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    size_t rank = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data());
      const std::string text = data.at("text").get<std::string>();
      std::cout << ++rank << ". " << data.at("title").get<std::string>() << "\n   id "
                << data.at("id").get<std::string>() << " · score " << it.get_weight() << "\n   "
                << mset.snippet(text, 400, stem) << "\n\n";
    }
    std::cout << mset.get_matches_estimated() << " matching articles\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian-page: " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "xapian-page: " << e.what() << "\n";
    return 1;
  }
}

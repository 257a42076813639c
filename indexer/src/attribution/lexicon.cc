// Loading the compiled-in reporting-cue list, and the fixed word lists.
#include "lexicon.h"

#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace attache::indexer::attribution {

extern const char* const kReportingVerbsText;  // generated from indexer/data/reporting_verbs.txt

namespace {

struct Lexicon {
  // Looked up by string_view without building a string: find_cue runs for every word.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Cue, Hash, std::equal_to<>> forms;
  Lexicon() {
    std::istringstream in(kReportingVerbsText);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream words(line);
      Cue cue;
      std::string form;
      while (words >> form) {
        if (cue.base.empty()) cue.base = form;
        forms.emplace(form, cue);
      }
    }
  }
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

bool in(const std::unordered_set<std::string_view>& set, std::string_view w) { return set.count(w) > 0; }

const std::unordered_set<std::string_view> kTitleWords = {
    "President", "Vice", "Prime", "Minister", "Ministers", "Deputy", "Foreign", "Secretary", "Under", "Assistant",
    "State", "General", "Ambassador", "Chancellor", "Defense", "Defence", "Interior", "Finance", "Economy",
    "Trade", "Energy", "Justice", "Spokesman", "Spokeswoman", "Spokesperson", "Senator", "Sen.", "Representative",
    "Rep.", "Governor", "Gov.", "Mayor", "King", "Queen", "Prince", "Crown", "Chairman", "Chairwoman", "Chair",
    "Director", "Commissioner", "High", "Envoy", "Special", "Chief", "Admiral", "Adm.", "Gen.", "Colonel",
    "Col.", "Lt.", "Captain", "Capt.", "Professor", "Prof.", "Pope", "Cardinal", "Sheikh", "Emir", "Affairs",
    "Security", "National", "Adviser", "Advisor", "Counselor", "Press", "Senior", "Acting", "Former", "Supreme",
    "Leader", "Premier", "Speaker", "Foreign-Policy", "Head", "Permanent", "Delegate", "Negotiator", "Chief",
    "Commander", "Marshal", "Field", "Executive", "Vice-President", "Deputy-Foreign", "Secretary-General",
    "Attorney", "Lord", "Lady", "First", "Sir", "Dame", "Baroness", "Senate", "House", "Majority", "Minority", "Whip",
    "Defense-Minister", "of", "the", "for", "and", "Ministry", "European", "Union", "Commission", "Council",
    "United", "Nations", "High", "Representative", "NATO", "Alliance"};

const std::unordered_set<std::string_view> kNationalities = {
    "Russian", "American", "U.S.", "US", "Ukrainian", "French", "German", "British", "Chinese", "Turkish", "Polish",
    "Italian", "Spanish", "Japanese", "Indian", "Iranian", "Israeli", "Egyptian", "Saudi", "Belarusian",
    "Hungarian", "Czech", "Finnish", "Swedish", "Norwegian", "Danish", "Dutch", "Belgian", "Austrian", "Swiss",
    "Canadian", "Australian", "Georgian", "Moldovan", "Lithuanian", "Latvian", "Estonian", "Romanian",
    "Bulgarian", "Greek", "Serbian", "Croatian", "Korean", "Syrian", "Jordanian", "Qatari", "Emirati",
    "Pakistani", "Afghan", "Kazakh", "Armenian", "Azerbaijani", "Western", "European", "Soviet", "Iraqi",
    "Brazilian", "Mexican", "South", "North", "Slovak", "Slovenian", "Portuguese", "Irish", "Icelandic"};

const std::unordered_set<std::string_view> kRoleNouns = {
    "minister", "ambassador", "analyst", "spokesman", "spokeswoman", "spokesperson", "official", "envoy",
    "diplomat", "negotiator", "president", "secretary", "chancellor", "leader", "premier", "senator",
    "general", "commander", "adviser", "advisor", "specialist", "expert", "researcher", "professor", "director",
    "chief", "chairman", "chairwoman", "commissioner", "representative", "counterpart", "prosecutor", "mayor",
    "governor", "lawmaker", "legislator", "economist", "historian", "scholar", "fellow", "diplomat", "head",
    "foreign minister", "delegate", "king", "queen", "prince", "speaker", "officer", "colonel", "admiral"};

const std::unordered_set<std::string_view> kGroupNouns = {
    "officials", "experts", "analysts", "diplomats", "negotiators", "lawmakers", "legislators", "critics",
    "observers", "leaders", "ministers", "sources", "spokesmen", "envoys", "allies", "authorities", "governments",
    "generals", "commanders", "economists", "researchers", "scholars", "historians", "advisers", "aides",
    "investigators", "prosecutors", "activists", "residents", "witnesses", "protesters", "members"};

const std::unordered_set<std::string_view> kInstitutions = {
    "Kremlin", "Pentagon", "White", "State", "Department", "Ministry", "Foreign", "Commission", "Council",
    "Government", "Administration", "Embassy", "Parliament", "Duma", "Congress", "Senate", "Cabinet",
    "Secretariat", "Alliance", "NATO", "OSCE", "EU", "U.N.", "UN", "IAEA", "Elysee", "Élysée", "Chancellery",
    "Bundestag", "Downing", "Office", "Agency", "Headquarters", "Command", "Staff", "Presidency", "Palace",
    // research and civil bodies whose people are quoted as analysts
    "Endowment", "Institute", "Foundation", "Relations", "University", "Center", "Centre", "Studies"};

const std::unordered_map<std::string_view, int> kGivenNames = [] {
  std::unordered_map<std::string_view, int> m;
  for (auto n : {"Sergei", "Sergey", "Vladimir", "Dmitri", "Dmitry", "Alexander", "Aleksandr", "Mikhail", "Andrei",
                 "Igor", "Antony", "Anthony", "John", "Joe", "Michael", "Olaf", "Emmanuel", "Jens", "Josep", "Mevlut",
                 "Dmytro", "Volodymyr", "Boris", "Heiko", "Jean-Yves", "Luigi", "Radoslaw", "Pedro", "Kenji",
                 "Ahmed", "Omar", "Karim", "Tomas", "Pavel", "Viktor", "Nikolai", "Yuri", "Hassan", "Ali", "Xi",
                 "Recep", "Jake", "Lloyd", "Mark", "Joseph", "Vassily", "Sergiy", "Zbigniew", "Alexei", "Oleg",
                 "Maxim", "Ivan", "Petro", "Josep", "Charles", "Rishi", "Jeremy", "David", "James", "Robert",
                 "William", "Richard", "Thomas", "Peter", "Paul", "Stefan", "Martin", "Frank", "Walter", "Klaus",
                 "Jean", "Pierre", "Francois", "François", "Nicolas", "Mario", "Giorgia", "Matteo", "Antonio",
                 "António", "Manuel", "Abdullah", "Mohammed", "Muhammad", "Benjamin", "Naftali", "Yair", "Gabriel",
                 "Charles", "Ned", "Dmitro", "Oleksii", "Oleksiy", "Mykhailo", "Andriy", "Valery", "Valeriy",
                 "Alexandre", "Hakan", "Ibrahim", "Jan", "Petr", "Milos", "Viktor", "Peter", "Kurt", "Josef",
                 "Wang", "Li", "Oleksandr", "Mykhailo", "Vladimir", "Hulusi", "Gabrielius", "Mateusz", "Andrzej", "Vassily", "Dmitri"})
    m.emplace(n, 1);
  for (auto n : {"Wendy", "Victoria", "Ursula", "Kadri", "Annalena", "Catherine", "Maria", "Elena", "Anna", "Olga",
                 "Linda", "Kaja", "Liz", "Nancy", "Samantha", "Hua", "Sophie", "Ingrid", "Marta", "Teresa", "Ayse",
                 "Fatima", "Leila", "Irina", "Natalia", "Svetlana", "Julia", "Karen", "Helga", "Agnieszka",
                 "Kamala", "Hillary", "Condoleezza", "Madeleine", "Angela", "Jen", "Karine", "Margaret", "Theresa",
                 "Mette", "Sanna", "Kersti", "Zuzana", "Maia", "Salome", "Iryna", "Olena", "Lyudmila", "Valentina",
                 "Tatiana", "Tatyana", "Yulia", "Ekaterina", "Natalya", "Nina", "Giorgia", "Roberta", "Beata",
                 "Elizabeth", "Mary", "Susan", "Sarah", "Emily", "Jennifer", "Michelle", "Christine", "Laura",
                 "Federica", "Catherine", "Marie", "Claire", "Isabel", "Carmen", "Lucia", "Monika", "Petra"})
    m.emplace(n, 2);
  return m;
}();

}  // namespace

const Cue* find_cue(std::string_view word) {
  auto it = lexicon().forms.find(word);
  return it == lexicon().forms.end() ? nullptr : &it->second;
}

bool is_title_word(std::string_view w) { return in(kTitleWords, w); }
bool is_nationality(std::string_view w) { return in(kNationalities, w); }
bool is_role_noun(std::string_view w) { return in(kRoleNouns, w); }
bool is_group_noun(std::string_view w) { return in(kGroupNouns, w); }
bool is_institution_word(std::string_view w) { return in(kInstitutions, w); }

bool is_honorific(std::string_view w, int& gender) {
  if (w == "Mr." || w == "Mr" || w == "M." || w == "Monsieur" || w == "Herr") {
    gender = 1;
    return true;
  }
  if (w == "Ms." || w == "Ms" || w == "Mrs." || w == "Mrs" || w == "Mme" || w == "Mme." || w == "Madame" ||
      w == "Miss" || w == "Frau") {
    gender = 2;
    return true;
  }
  if (w == "Dr." || w == "Dr" || w == "Prof.") {
    gender = 0;
    return true;
  }
  return false;
}

int given_name_gender(std::string_view w) {
  auto it = kGivenNames.find(w);
  return it == kGivenNames.end() ? 0 : it->second;
}

}  // namespace attache::indexer::attribution

//! Importing a member list (last season's spreadsheet, another tool's export): which column
//! is which, and every line's problems, found before anything is written. The import is all
//! or nothing, so the admin corrects the file once and sends it again.
//!
//! Reading the file (CSV, XLSX, ODS) is the server's job; this module starts from its rows of
//! text cells and is the same on both sides.

use super::account::{Email, PersonName};
use super::directory::{Address, Phone};
use super::problem::{Problem, ProblemCode, Problems};
use std::collections::{HashMap, HashSet};

/// The columns an import understands, in the example file's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    LastName,
    FirstName,
    Email,
    Phone1,
    Phone2,
    Address,
    Postcode,
    Town,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::LastName,
        Column::FirstName,
        Column::Email,
        Column::Phone1,
        Column::Phone2,
        Column::Address,
        Column::Postcode,
        Column::Town,
    ];

    /// Without these three a line cannot become an account.
    pub const REQUIRED: [Column; 3] = [Column::LastName, Column::FirstName, Column::Email];

    /// The field name problems are reported on (the same as the member forms').
    pub fn field(self) -> &'static str {
        match self {
            Column::LastName => "last_name",
            Column::FirstName => "first_name",
            Column::Email => "email",
            Column::Phone1 => "phone1",
            Column::Phone2 => "phone2",
            Column::Address => "address",
            Column::Postcode => "postcode",
            Column::Town => "town",
        }
    }

    /// The heading the example file uses (a French spreadsheet's words).
    pub fn heading(self) -> &'static str {
        match self {
            Column::LastName => "Nom",
            Column::FirstName => "Prénom",
            Column::Email => "E-mail",
            Column::Phone1 => "Téléphone 1",
            Column::Phone2 => "Téléphone 2",
            Column::Address => "Adresse",
            Column::Postcode => "Code postal",
            Column::Town => "Ville",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The column a heading names, whatever its case, accents, spaces or punctuation
    /// ("Prénom", "PRENOM", "first name", "Tél. 1", "Courriel"…), in French or English.
    pub fn recognise(heading: &str) -> Option<Column> {
        let key = fold(heading);
        let column = match key.as_str() {
            "nom" | "nomdefamille" | "lastname" | "surname" | "familyname" => Column::LastName,
            "prenom" | "firstname" | "givenname" => Column::FirstName,
            "email" | "mail" | "courriel" | "adressemail" | "adresseemail" | "emailaddress"
            | "adressecourriel" => Column::Email,
            "telephone" | "telephone1" | "tel" | "tel1" | "phone" | "phone1" | "portable"
            | "mobile" => Column::Phone1,
            "telephone2" | "tel2" | "phone2" | "fixe" | "telephonefixe" => Column::Phone2,
            "adresse" | "address" | "rue" | "adressepostale" | "street" => Column::Address,
            "codepostal" | "cp" | "postcode" | "postalcode" | "zip" | "zipcode" => Column::Postcode,
            "ville" | "commune" | "localite" | "town" | "city" => Column::Town,
            _ => return None,
        };
        Some(column)
    }
}

/// Lower-case ASCII letters and digits only, French accents folded ("Tél. 1" → "tel1").
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'î' | 'ï' | 'í' => Some('i'),
            'ô' | 'ö' | 'ó' => Some('o'),
            'ù' | 'û' | 'ü' | 'ú' => Some('u'),
            'ç' => Some('c'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The file's heading row read: where each known column is, and the headings ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// For each cell position, the column it holds.
    positions: Vec<Option<Column>>,
    pub ignored: Vec<String>,
}

impl Layout {
    /// A second "Téléphone" is phone 2; any other repeated column is ignored. A missing
    /// required column is a problem on the field `file`, its heading in `detail`.
    pub fn read(headings: &[String]) -> Result<Layout, Vec<Problem>> {
        let mut seen = HashSet::new();
        let mut ignored = Vec::new();
        let positions = headings
            .iter()
            .map(|heading| {
                let column = match Column::recognise(heading) {
                    Some(Column::Phone1) if seen.contains(&Column::Phone1) => Some(Column::Phone2),
                    other => other,
                };
                match column {
                    Some(column) if seen.insert(column) => Some(column),
                    _ => {
                        if !heading.trim().is_empty() {
                            ignored.push(heading.trim().to_owned());
                        }
                        None
                    }
                }
            })
            .collect();
        let missing: Vec<Problem> = Column::REQUIRED
            .into_iter()
            .filter(|c| !seen.contains(c))
            .map(|c| Problem {
                detail: Some(c.heading().to_owned()),
                ..Problem::new("file", ProblemCode::MissingColumn)
            })
            .collect();
        if missing.is_empty() {
            Ok(Layout { positions, ignored })
        } else {
            Err(missing)
        }
    }
}

/// One line of the file as written, each known column's text (empty when absent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawLine {
    /// The line number a spreadsheet shows (the heading row is line 1 when it comes first).
    pub line: u32,
    pub cells: [String; 8],
}

impl RawLine {
    pub fn get(&self, column: Column) -> &str {
        &self.cells[column.index()]
    }
}

/// Lines above this are refused: an AMAP has hundreds of members, not tens of thousands.
pub const MAX_LINES: u32 = 5_000;

/// The file's rows (each a list of cell texts, numbered from 1) as lines: the first row that
/// is not blank is the heading row, blank rows are skipped.
pub fn read_lines(rows: Vec<Vec<String>>) -> Result<(Layout, Vec<RawLine>), Vec<Problem>> {
    let mut rows = rows
        .into_iter()
        .zip(1u32..)
        .filter(|(cells, _)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((headings, _)) = rows.next() else {
        return Err(vec![Problem::new("file", ProblemCode::EmptyFile)]);
    };
    let layout = Layout::read(&headings)?;
    let mut lines = Vec::new();
    for (cells, line) in rows {
        if lines.len() as u32 == MAX_LINES {
            return Err(vec![Problem::with_limit(
                "file",
                ProblemCode::TooLong,
                MAX_LINES,
            )]);
        }
        let mut known: [String; 8] = Default::default();
        for (cell, column) in cells.into_iter().zip(&layout.positions) {
            if let Some(column) = column {
                known[column.index()] = cell.trim().to_owned();
            }
        }
        lines.push(RawLine { line, cells: known });
    }
    if lines.is_empty() {
        return Err(vec![Problem::new("file", ProblemCode::EmptyFile)]);
    }
    Ok((layout, lines))
}

/// A line that can become a member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub email: Email,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub phone1: Phone,
    pub phone2: Phone,
    pub address: Address,
}

/// One line with what it will become, or every problem it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedLine {
    pub raw: RawLine,
    pub outcome: Result<Candidate, Vec<Problem>>,
}

/// Spreadsheets store "06 12 34 56 78" typed without spaces as the number 612345678 and
/// "01000" as 1000: the lost leading zero is put back (nine digits for a French phone, four
/// for a postcode). Anything else is left as written.
fn restore_zero(text: &str, digits: usize) -> String {
    if text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0') {
        format!("0{text}")
    } else {
        text.to_owned()
    }
}

/// Every line's problems: fields as the member form checks them, an address given twice in
/// the file (on the later line, `limit` naming the first), an address already a member of
/// the AMAP (`is_member`).
pub fn check(lines: Vec<RawLine>, is_member: impl Fn(&Email) -> bool) -> Vec<CheckedLine> {
    let mut first_seen: HashMap<Email, u32> = HashMap::new();
    lines
        .into_iter()
        .map(|mut raw| {
            for (column, digits) in [
                (Column::Phone1, 9),
                (Column::Phone2, 9),
                (Column::Postcode, 4),
            ] {
                raw.cells[column.index()] = restore_zero(raw.get(column), digits);
            }
            let mut problems = Problems::new();
            let email = problems.take(Email::parse("email", raw.get(Column::Email)));
            let first_name =
                problems.take(PersonName::parse("first_name", raw.get(Column::FirstName)));
            let last_name =
                problems.take(PersonName::parse("last_name", raw.get(Column::LastName)));
            let phone1 = problems.take(Phone::parse("phone1", raw.get(Column::Phone1)));
            let phone2 = problems.take(Phone::parse("phone2", raw.get(Column::Phone2)));
            let address = Address::parse(
                raw.get(Column::Address),
                raw.get(Column::Postcode),
                raw.get(Column::Town),
            )
            .map_err(|found| found.into_iter().for_each(|p| problems.push(p)))
            .ok();
            if let Some(email) = &email {
                match first_seen.get(email) {
                    Some(&first) => {
                        problems.push(Problem::with_limit("email", ProblemCode::Duplicate, first))
                    }
                    None => {
                        first_seen.insert(email.clone(), raw.line);
                        if is_member(email) {
                            problems.push(Problem::new("email", ProblemCode::AlreadyMember));
                        }
                    }
                }
            }
            let outcome = match (email, first_name, last_name, phone1, phone2, address) {
                (
                    Some(email),
                    Some(first_name),
                    Some(last_name),
                    Some(phone1),
                    Some(phone2),
                    Some(address),
                ) if problems.is_empty() => Ok(Candidate {
                    email,
                    first_name,
                    last_name,
                    phone1,
                    phone2,
                    address,
                }),
                _ => Err(problems.into_vec()),
            };
            CheckedLine { raw, outcome }
        })
        .collect()
}

/// The example file's rows: the headings, then two made-up members.
pub fn example_rows() -> Vec<[&'static str; 8]> {
    vec![
        Column::ALL.map(Column::heading),
        [
            "Durand",
            "Émilie",
            "emilie.durand@example.org",
            "06 12 34 56 78",
            "",
            "3 rue des Lilas",
            "69007",
            "Lyon",
        ],
        [
            "Martin",
            "Paul",
            "paul.martin@example.org",
            "07 98 76 54 32",
            "04 78 00 00 00",
            "",
            "",
            "Villeurbanne",
        ],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    fn header() -> Vec<String> {
        row(&Column::ALL.map(Column::heading))
    }

    fn checked(rows: Vec<Vec<String>>) -> Vec<CheckedLine> {
        let (_, lines) = read_lines(rows).expect("readable");
        check(lines, |e| e.as_str() == "deja@example.org")
    }

    fn codes(line: &CheckedLine) -> Vec<(String, ProblemCode)> {
        match &line.outcome {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(|p| (p.field.clone(), p.code)).collect(),
        }
    }

    #[test]
    fn the_example_file_imports_cleanly() {
        let rows = example_rows()
            .into_iter()
            .map(|r| row(&r))
            .collect::<Vec<_>>();
        let lines = checked(rows);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.outcome.is_ok()), "{lines:?}");
        assert_eq!(lines[0].raw.line, 2);
    }

    #[test]
    fn headings_are_recognised_in_either_language_and_any_spelling() {
        for (heading, column) in [
            ("PRÉNOM", Column::FirstName),
            ("first name", Column::FirstName),
            ("Courriel", Column::Email),
            ("e-mail", Column::Email),
            ("Tél. 1", Column::Phone1),
            ("Téléphone 2", Column::Phone2),
            ("Code Postal", Column::Postcode),
            ("CP", Column::Postcode),
            ("Commune", Column::Town),
            ("Nom de famille", Column::LastName),
        ] {
            assert_eq!(Column::recognise(heading), Some(column), "{heading}");
        }
        assert_eq!(Column::recognise("Remarques"), None);
    }

    #[test]
    fn a_second_phone_column_is_phone_two_and_unknown_columns_are_listed() {
        let layout =
            Layout::read(&row(&["Nom", "Prénom", "Mail", "Tél", "Tél", "Notes"])).expect("layout");
        assert_eq!(layout.positions[3], Some(Column::Phone1));
        assert_eq!(layout.positions[4], Some(Column::Phone2));
        assert_eq!(layout.ignored, vec!["Notes".to_owned()]);
    }

    #[test]
    fn missing_required_columns_are_each_named() {
        let problems = Layout::read(&row(&["Nom", "Ville"])).expect_err("missing");
        let missing: Vec<_> = problems.iter().filter_map(|p| p.detail.clone()).collect();
        assert_eq!(missing, vec!["Prénom".to_owned(), "E-mail".to_owned()]);
        assert!(
            problems
                .iter()
                .all(|p| p.code == ProblemCode::MissingColumn)
        );
    }

    #[test]
    fn blank_rows_are_skipped_and_lines_keep_the_spreadsheet_numbers() {
        let rows = vec![
            row(&[""]),
            header(),
            row(&["", "", ""]),
            row(&["Durand", "Léa", "lea@example.org"]),
        ];
        let lines = checked(rows);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].raw.line, 4);
    }

    #[test]
    fn an_empty_file_or_a_heading_alone_is_refused() {
        let problems = read_lines(vec![]).expect_err("empty");
        assert_eq!(problems[0].code, ProblemCode::EmptyFile);
        let problems = read_lines(vec![header()]).expect_err("no line");
        assert_eq!(problems[0].code, ProblemCode::EmptyFile);
    }

    #[test]
    fn every_problem_of_a_line_is_reported_on_its_field() {
        let lines = checked(vec![header(), row(&["", "Léa", "pas-une-adresse", "abc"])]);
        assert_eq!(
            codes(&lines[0]),
            vec![
                ("email".to_owned(), ProblemCode::InvalidEmail),
                ("last_name".to_owned(), ProblemCode::Required),
                ("phone1".to_owned(), ProblemCode::InvalidPhone),
            ]
        );
    }

    #[test]
    fn duplicates_name_the_first_line_and_members_are_flagged() {
        let lines = checked(vec![
            header(),
            row(&["A", "B", "Lea@Example.org"]),
            row(&["C", "D", "lea@example.org"]),
            row(&["E", "F", "deja@example.org"]),
        ]);
        assert!(lines[0].outcome.is_ok());
        let Err(problems) = &lines[1].outcome else {
            panic!("duplicate accepted");
        };
        assert_eq!(problems[0].code, ProblemCode::Duplicate);
        assert_eq!(problems[0].limit, Some(2));
        assert_eq!(
            codes(&lines[2]),
            vec![("email".to_owned(), ProblemCode::AlreadyMember)]
        );
    }

    #[test]
    fn zeros_a_spreadsheet_dropped_are_put_back() {
        let lines = checked(vec![
            header(),
            row(&[
                "A",
                "B",
                "a@example.org",
                "612345678",
                "",
                "",
                "1000",
                "Bourg",
            ]),
        ]);
        let Ok(candidate) = &lines[0].outcome else {
            panic!("refused: {lines:?}");
        };
        assert_eq!(candidate.phone1.as_str(), "06 12 34 56 78");
        assert_eq!(candidate.address.postcode, "01000");
    }

    #[test]
    fn too_many_lines_are_refused_before_checking() {
        let mut rows = vec![header()];
        rows.extend((0..=MAX_LINES).map(|i| row(&["A", "B", &format!("m{i}@example.org")])));
        let problems = read_lines(rows).expect_err("too long");
        assert_eq!(problems[0].code, ProblemCode::TooLong);
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[A-Za-zéè' -]{1,12}",
            "[a-z]{1,6}@[a-z]{1,6}\\.(fr|org)",
            "[0-9 .+]{0,14}",
            any::<String>(),
        ]
    }

    proptest! {
        /// Whatever the cells, every line is checked, keeps its number, and its problems are
        /// on the columns' fields: a line is imported exactly when it has none.
        #[test]
        fn any_file_is_checked_line_by_line(
            rows in prop::collection::vec(prop::collection::vec(cell(), 0..9), 1..30),
        ) {
            let mut all = vec![header()];
            all.extend(rows);
            if let Ok((_, lines)) = read_lines(all) {
                let numbers: Vec<u32> = lines.iter().map(|l| l.line).collect();
                let checked = check(lines, |_| false);
                prop_assert_eq!(checked.iter().map(|l| l.raw.line).collect::<Vec<_>>(), numbers);
                let fields: Vec<&str> = Column::ALL.iter().map(|c| c.field()).collect();
                for line in &checked {
                    if let Err(problems) = &line.outcome {
                        prop_assert!(!problems.is_empty());
                        prop_assert!(problems.iter().all(|p| fields.contains(&p.field.as_str())));
                    }
                }
            }
        }

        /// Each address is accepted once: every later line with it is a duplicate naming the
        /// first.
        #[test]
        fn each_address_is_imported_at_most_once(picks in prop::collection::vec(0usize..4, 1..20)) {
            let mut rows = vec![header()];
            rows.extend(picks.iter().map(|i| row(&["Nom", "Prénom", &format!("m{i}@example.org")])));
            let (_, lines) = read_lines(rows).expect("readable");
            let checked = check(lines, |_| false);
            let accepted: Vec<&Email> = checked.iter().filter_map(|l| l.outcome.as_ref().ok()).map(|c| &c.email).collect();
            let unique: HashSet<&Email> = accepted.iter().copied().collect();
            prop_assert_eq!(unique.len(), accepted.len());
            prop_assert_eq!(unique.len(), picks.iter().collect::<HashSet<_>>().len());
        }
    }
}

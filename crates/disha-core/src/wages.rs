//! Reading the BLS OEWS national file (CSV with a header, thousands separators, `*` for figures not
//! published and `#` for wages at or above the top figure) into US wages per SOC code.

use crate::import::Rejection;
use disha_domain::{UsWage, UsWages};
use std::collections::BTreeMap;

/// The survey the national file of this release is from.
pub const PERIOD: &str = "May 2023";

/// The wage BLS publishes in place of anything at or above it, in US dollars a year (May 2023).
pub const TOP_CODED: u32 = 239_200;

/// What a file gave.
#[derive(Debug, Default)]
pub struct WagesRead {
    /// Data rows read.
    pub read: u64,
    /// Wages by SOC code.
    pub wages: Vec<UsWages>,
    /// Rows not used.
    pub rejected: Vec<Rejection>,
}

const COLUMNS: [&str; 9] = [
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
];

fn wage(raw: &str) -> Result<UsWage, String> {
    match raw.trim() {
        "*" | "" => Ok(UsWage::Withheld),
        "#" => Ok(UsWage::AtLeast(TOP_CODED)),
        n => n
            .replace(',', "")
            .parse::<u32>()
            .map(UsWage::Annual)
            .map_err(|_unparsed| format!("{n:?} is not a wage")),
    }
}

fn soc(raw: &str) -> Option<&str> {
    let b = raw.as_bytes();
    (b.len() == 7
        && b.iter().enumerate().all(|(i, c)| {
            if i == 2 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        }))
    .then_some(raw)
}

/// Reads the national file. A detailed occupation wins over a broad group that shares its code.
///
/// # Errors
/// When the header lacks a needed column: the file is not the national file, and nothing is read.
pub fn read(file: &str, bytes: &[u8]) -> Result<WagesRead, String> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = csv.headers().map_err(|e| format!("{file}: {e}"))?.clone();
    let idx: Vec<usize> = COLUMNS
        .iter()
        .map(|c| {
            header
                .iter()
                .position(|h| h == *c)
                .ok_or_else(|| format!("{file} has no column {c}"))
        })
        .collect::<Result<_, _>>()?;
    let mut out = WagesRead::default();
    let mut by_soc: BTreeMap<String, (bool, UsWages)> = BTreeMap::new();
    for row in csv.records() {
        out.read += 1;
        let (line, result) = match row {
            Ok(r) => (
                r.position().map_or(0, csv::Position::line),
                parse_row(&r, &idx, header.len()),
            ),
            Err(e) => (
                e.position().map_or(0, csv::Position::line),
                Err(e.to_string()),
            ),
        };
        match result {
            Ok(Some((detailed, w))) => match by_soc.get(&w.soc) {
                Some((true, _)) if detailed => out.rejected.push(Rejection {
                    file: file.to_owned(),
                    line,
                    reason: format!("SOC {} is listed twice", w.soc),
                }),
                Some((true, _)) => {}
                _ => {
                    by_soc.insert(w.soc.clone(), (detailed, w));
                }
            },
            Ok(None) => {}
            Err(reason) => out.rejected.push(Rejection {
                file: file.to_owned(),
                line,
                reason,
            }),
        }
    }
    out.wages = by_soc.into_values().map(|(_, w)| w).collect();
    Ok(out)
}

/// A row's wages, or `None` for rows that are not one occupation (totals and major groups).
fn parse_row(
    r: &csv::StringRecord,
    idx: &[usize],
    width: usize,
) -> Result<Option<(bool, UsWages)>, String> {
    if r.len() != width {
        return Err(format!("{} columns where the header has {width}", r.len()));
    }
    let cell = |i: usize| idx.get(i).and_then(|&i| r.get(i)).unwrap_or_default();
    let group = cell(2);
    if !matches!(group, "detailed" | "broad") {
        return Ok(None);
    }
    let code = soc(cell(0)).ok_or_else(|| format!("OCC_CODE {:?} is not a SOC code", cell(0)))?;
    let employment = match cell(3).trim() {
        "*" | "**" | "" => None,
        n => Some(
            n.replace(',', "")
                .parse::<u64>()
                .map_err(|_unparsed| format!("TOT_EMP {n:?} is not a number"))?,
        ),
    };
    Ok(Some((
        group == "detailed",
        UsWages {
            soc: code.to_owned(),
            title: cell(1).trim().to_owned(),
            period: PERIOD.to_owned(),
            employment,
            p10: wage(cell(4))?,
            p25: wage(cell(5))?,
            median: wage(cell(6))?,
            p75: wage(cell(7))?,
            p90: wage(cell(8))?,
        },
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "\u{feff}AREA,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90\n";

    #[test]
    fn percentiles_are_read_with_separators_and_markers() {
        let text = format!(
            "{HEADER}99,00-0000,All Occupations,total,\"151,853,870\",\"29,050\",\"35,660\",\"48,060\",\"76,980\",\"121,470\"\n\
             99,15-1252,Software Developers,detailed,\"1,656,880\",\"77,020\",\"101,200\",\"132,270\",\"167,540\",\"208,620\"\n\
             99,29-1215,Family Medicine Physicians,detailed,\"109,370\",\"75,360\",\"171,660\",#,#,#\n\
             99,27-2011,Actors,detailed,\"51,350\",*,*,*,*,*\n"
        );
        let got = read("national.csv", text.as_bytes()).expect("columns");
        assert_eq!(got.read, 4);
        assert!(got.rejected.is_empty(), "{:?}", got.rejected);
        let socs: Vec<&str> = got.wages.iter().map(|w| w.soc.as_str()).collect();
        assert_eq!(
            socs,
            ["15-1252", "27-2011", "29-1215"],
            "totals are not occupations"
        );
        let dev = got.wages.first().expect("developers");
        assert_eq!(dev.median, UsWage::Annual(132_270));
        assert_eq!(dev.employment, Some(1_656_880));
        let doc = got.wages.get(2).expect("physicians");
        assert_eq!(doc.median, UsWage::AtLeast(TOP_CODED));
        assert_eq!(got.wages.get(1).map(|w| w.p90), Some(UsWage::Withheld));
    }

    #[test]
    fn a_detailed_row_wins_over_a_broad_group_with_the_same_code_and_bad_rows_are_named() {
        let text = format!(
            "{HEADER}99,13-1020,Buyers and Purchasing Agents,broad,\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"\n\
             99,13-1020,Buyers and Purchasing Agents,detailed,\"2\",\"2\",\"2\",\"2\",\"2\",\"2\"\n\
             99,13-102,Short,detailed,1,1,1,1,1,1\n\
             99,13-1030,Odd,detailed,1,1,lots,1,1,1\n"
        );
        let got = read("national.csv", text.as_bytes()).expect("columns");
        assert_eq!(got.wages.len(), 1);
        assert_eq!(got.wages.first().map(|w| w.median), Some(UsWage::Annual(2)));
        let lines: Vec<(u64, bool)> = got
            .rejected
            .iter()
            .map(|r| {
                (
                    r.line,
                    r.reason.contains("13-102") || r.reason.contains("lots"),
                )
            })
            .collect();
        assert_eq!(lines, [(4, true), (5, true)]);
    }

    #[test]
    fn another_file_is_refused_whole() {
        let err = read("x.csv", b"a,b\n1,2\n").expect_err("not the national file");
        assert!(err.contains("OCC_CODE"));
    }
}

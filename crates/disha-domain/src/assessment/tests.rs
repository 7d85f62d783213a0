use super::*;
use proptest::prelude::*;
use serde_json::{Value, json};

const ITEMS: &str = super::ITEMS_TOML;

fn bank() -> ItemBank {
    ItemBank::parse(ITEMS).expect("the items file")
}

fn all(answer: u8) -> BTreeMap<String, Value> {
    bank()
        .items()
        .iter()
        .map(|i| (i.id.clone(), json!(answer)))
        .collect()
}

#[test]
fn the_items_file_has_ten_short_items_for_each_area() {
    let b = bank();
    assert_eq!(b.items().len(), 60);
    let doubled = ITEMS.replacen("id = \"r02\"", "id = \"r01\"", 1);
    let err = ItemBank::parse(&doubled).expect_err("twice");
    assert!(err.contains("\"r01\" is there twice"), "{err}");
    let moved = ITEMS.replacen("area = \"R\"", "area = \"I\"", 1);
    let err = ItemBank::parse(&moved).expect_err("uneven");
    assert!(err.contains("area R: 9 items"), "{err}");
}

#[test]
fn each_bad_answer_is_named_by_its_item() {
    let mut answers = all(2);
    answers.remove("r01");
    answers.insert("i01".into(), json!(5));
    answers.insert("i02".into(), json!(-1));
    answers.insert("i03".into(), json!(2.5));
    answers.insert("i04".into(), json!("3"));
    answers.insert("z99".into(), json!(1));
    let err = bank().score(&answers).expect_err("bad");
    let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "answers.r01",
            "answers.i01",
            "answers.i02",
            "answers.i03",
            "answers.i04",
            "answers.z99"
        ]
    );
}

#[test]
fn a_whole_number_may_be_written_with_a_zero_fraction() {
    let mut answers = all(2);
    answers.insert("r01".into(), json!(3.0));
    assert_eq!(bank().score(&answers).expect("valid").get(Area::R), 21);
    answers.insert("r01".into(), json!(3.5));
    assert!(bank().score(&answers).is_err());
}

#[test]
fn the_code_is_the_three_highest_areas_with_ties_in_riasec_order() {
    assert_eq!(Scores([10, 30, 30, 5, 40, 0]).code(), "EIA");
    assert_eq!(Scores([0; 6]).code(), "RIA");
}

proptest! {
    #[test]
    fn every_score_is_the_sum_of_its_ten_answers_and_stays_within_0_to_40(
        values in proptest::collection::vec(0_u8..=4, 60)
    ) {
        let b = bank();
        let answers: BTreeMap<String, Value> = b
            .items()
            .iter()
            .zip(&values)
            .map(|(i, v)| (i.id.clone(), json!(v)))
            .collect();
        let scores = b.score(&answers).expect("valid");
        let total: u32 = values.iter().map(|v| u32::from(*v)).sum();
        prop_assert_eq!(scores.0.iter().map(|s| u32::from(*s)).sum::<u32>(), total);
        for area in Area::ALL {
            let expected: u32 = b
                .items()
                .iter()
                .zip(&values)
                .filter(|(i, _)| i.area == area)
                .map(|(_, v)| u32::from(*v))
                .sum();
            prop_assert_eq!(u32::from(scores.get(area)), expected);
            prop_assert!(scores.get(area) <= MAX_SCORE);
        }
    }

    #[test]
    fn the_order_answers_arrive_in_changes_nothing(
        values in proptest::collection::vec(0_u8..=4, 60),
        seed in any::<u64>()
    ) {
        let b = bank();
        let pairs: Vec<(String, Value)> = b
            .items()
            .iter()
            .zip(&values)
            .map(|(i, v)| (i.id.clone(), json!(v)))
            .collect();
        let mut shuffled = pairs.clone();
        // A fixed permutation from the seed: rotate, then reverse when the seed is odd.
        let len = shuffled.len();
        shuffled.rotate_left(usize::try_from(seed % 60).unwrap_or(0) % len);
        if seed % 2 == 1 {
            shuffled.reverse();
        }
        let a = b.score(&pairs.into_iter().collect()).expect("valid");
        let c = b.score(&shuffled.into_iter().collect()).expect("valid");
        prop_assert_eq!(a, c);
        prop_assert_eq!(a.code(), c.code());
    }
}

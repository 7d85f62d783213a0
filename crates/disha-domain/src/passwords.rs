//! Passwords of ten or more characters that people choose so often that guessing them first is the first thing
//! an attacker tries: keyboard runs, repeated digits, "password" with a number, and common Indian choices.
//! Compared in lowercase.

const COMMON: &[&str] = &[
    "0000000000",
    "0123456789",
    "1029384756",
    "1111111111",
    "1122334455",
    "1212121212",
    "1234512345",
    "1234554321",
    "1234567890",
    "1234567891",
    "12345678910",
    "1234567899",
    "123456789a",
    "123456789q",
    "123456qwerty",
    "123qweasdzxc",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "2222222222",
    "5555555555",
    "7777777777",
    "8888888888",
    "9876543210",
    "9999999999",
    "aaaaaaaaaa",
    "abc1234567",
    "abcd123456",
    "abcdef1234",
    "abcdefghij",
    "admin12345",
    "administrator",
    "asdfghjkl1",
    "asdfghjkl;",
    "changeme123",
    "computer123",
    "cricket123",
    "dhoni12345",
    "football123",
    "gangnam123",
    "hello12345",
    "helloworld",
    "iloveindia",
    "iloveyou12",
    "iloveyou123",
    "india12345",
    "india@1234",
    "indian1234",
    "jaihind123",
    "jaishreeram",
    "krishna123",
    "letmein123",
    "login12345",
    "mahadev123",
    "monkey1234",
    "mumbai1234",
    "omsairam123",
    "p@ssw0rd12",
    "p@ssword123",
    "passw0rd12",
    "password01",
    "password12",
    "password123",
    "password1234",
    "password@1",
    "password@123",
    "princess12",
    "qazwsxedc1",
    "qazwsxedcrfv",
    "qwerty1234",
    "qwerty12345",
    "qwerty123456",
    "qwertyuiop",
    "qwertyuiop1",
    "sachin1234",
    "saibaba123",
    "sunshine12",
    "superman12",
    "test123456",
    "trustno1234",
    "welcome123",
    "welcome@123",
    "whatever12",
    "zxcvbnm123",
    "zxcvbnmasd",
];

/// True for a password on the list (give it lowercased).
#[must_use]
pub fn is_common(lowercased: &str) -> bool {
    COMMON.binary_search(&lowercased).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_for_binary_search_and_lowercase() {
        assert!(
            COMMON.windows(2).all(|w| w[0] < w[1]),
            "keep COMMON sorted and without repeats"
        );
        assert!(COMMON.iter().all(|p| p.to_lowercase() == *p));
        assert!(is_common("qwertyuiop"));
        assert!(!is_common("river-mango-kite-42"));
    }
}

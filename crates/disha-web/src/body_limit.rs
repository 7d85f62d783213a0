//! How large a request body may be. Most forms and JSON bodies are small, so 64 KiB is plenty and keeps a
//! flood of large bodies cheap to refuse. Articles, newsletter issues and comments are long writing: their
//! character limits count characters, and one character can take twelve bytes once a browser percent-encodes
//! it or JSON escapes it, so their routes take up to 1 MiB. Either way the answer to more is a 413.

use axum::extract::DefaultBodyLimit;
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, ResponseBuilder};

/// The limit for every route that does not say otherwise.
pub const DEFAULT: usize = 64 * 1024;
/// The limit for routes that take an article, a newsletter issue or a comment.
pub const WRITING: usize = 1024 * 1024;

/// The layer for routes that take long writing.
pub fn writing() -> DefaultBodyLimit {
    DefaultBodyLimit::max(WRITING)
}

/// The layer for every other route.
pub fn default() -> DefaultBodyLimit {
    DefaultBodyLimit::max(DEFAULT)
}

/// States the 413 answer on every operation that takes a body, since any of them gives it to a body over
/// its limit.
pub fn document(spec: &mut OpenApi) {
    for item in spec.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for op in operations.into_iter().flatten() {
            if op.request_body.is_none() {
                continue;
            }
            let response = ResponseBuilder::new()
                .description("The body is larger than this route accepts")
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .build();
            op.responses
                .responses
                .insert("413".to_owned(), response.into());
        }
    }
}

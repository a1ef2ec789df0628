//! `/api/openapi.json`: the API described in OpenAPI 3.1. Written by hand
//! (embedded JSON) rather than generated: it is one small file, checked by
//! the real validator and against the router's routes in the tests.

use axum::Json;
use axum::extract::State;

use crate::SharedState;

const DOCUMENT: &str = include_str!("openapi.json");

pub async fn document(State(state): State<SharedState>) -> Json<serde_json::Value> {
    let mut doc: serde_json::Value = serde_json::from_str(DOCUMENT).unwrap_or_default();
    doc["servers"] = serde_json::json!([{ "url": state.site.base_url }]);
    Json(doc)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_is_json() {
        let doc: serde_json::Value = serde_json::from_str(super::DOCUMENT).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
    }
}

//! Saved structs are read from JSON objects only. serde's derived readers also accept a struct
//! written as a JSON array of its fields (`[1, {...}]` for `{"v":1,"quiz":{...}}`), a form the
//! widget never writes; compiling that second reader for every saved type cost 1 KB brotli of
//! the bundle. [`Object`] reads a struct through a deserializer whose `deserialize_struct` asks
//! for a map, so only objects decode and the array readers are never instantiated. An array
//! where a struct belongs is then an ordinary type error, like any other value that is not ours.
//!
//! Nested structs need the same treatment, field by field: [`read`] for one struct field, [`vec`]
//! for a list of structs (`#[serde(deserialize_with = "...")]`).

use serde::de::{Deserialize, Deserializer, Visitor};

/// A `T` read from a JSON object only.
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(ObjectsOnly(deserializer)).map(Object)
    }
}

/// A struct field read from a JSON object only.
pub fn read<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    Object::deserialize(deserializer).map(|Object(value)| value)
}

/// A list of structs, each read from a JSON object only.
pub fn vec<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    let objects = Vec::<Object<T>>::deserialize(deserializer)?;
    Ok(objects.into_iter().map(|Object(value)| value).collect())
}

/// `D` with structs read as maps; every other request is passed on unchanged.
struct ObjectsOnly<D>(D);

/// Passes requests that take only a visitor on to the inner deserializer.
macro_rules! pass_on {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    pass_on! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::Object;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Inner {
        id: String,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Outer {
        v: u32,
        #[serde(deserialize_with = "super::read")]
        one: Inner,
        #[serde(deserialize_with = "super::vec")]
        many: Vec<Inner>,
        #[serde(default)]
        note: Option<String>,
    }

    fn inner(id: &str) -> Inner {
        Inner { id: id.to_string() }
    }

    fn parse(json: &str) -> Result<Outer, String> {
        serde_json::from_str::<Object<Outer>>(json)
            .map(|Object(outer)| outer)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn objects_decode_as_the_derived_reader_would() {
        let outer = parse(r#"{"v":1,"one":{"id":"a"},"many":[{"id":"b"},{"id":"c"}],"x":[1]}"#);
        assert_eq!(
            outer,
            Ok(Outer {
                v: 1,
                one: inner("a"),
                many: vec![inner("b"), inner("c")],
                note: None,
            })
        );
        // The derived reader's own rules still hold: defaults, missing and repeated fields.
        let noted = parse(r#"{"v":1,"one":{"id":"a"},"many":[],"note":"n"}"#);
        assert_eq!(noted.map(|o| o.note), Ok(Some("n".to_string())));
        let missing = parse(r#"{"v":1,"many":[]}"#).unwrap_err();
        assert!(missing.contains("missing field `one`"), "{missing}");
        let twice = parse(r#"{"v":1,"v":2,"one":{"id":"a"},"many":[]}"#).unwrap_err();
        assert!(twice.contains("duplicate field `v`"), "{twice}");
    }

    #[test]
    fn a_struct_written_as_an_array_is_a_type_error_at_every_level() {
        let arrays = [
            r#"[1,{"id":"a"},[]]"#,
            r#"{"v":1,"one":["a"],"many":[]}"#,
            r#"{"v":1,"one":{"id":"a"},"many":[["b"]]}"#,
        ];
        for json in arrays {
            let error = parse(json).unwrap_err();
            assert!(
                error.starts_with("invalid type: sequence"),
                "{json}: {error}"
            );
        }
        // The derived reader alone takes the array form: the adapter is what turns it away.
        assert_eq!(
            serde_json::from_str::<Inner>(r#"["a"]"#).ok(),
            Some(inner("a"))
        );
    }
}

//! Every event listener in the views is a [`Listener`]: tachys compiles its listener code (the
//! wrapper that runs the handler under its owner, and the attach call) once per event and
//! handler type, so with one boxed handler type per event it is compiled once per event (click,
//! submit, change, input) instead of once per handler.

/// A handler of events of type `E`, as `on:…=` takes it.
pub type Listener<E> = Box<dyn Fn(E)>;

/// `handle` as a [`Listener`].
pub fn listener<E>(handle: impl Fn(E) + 'static) -> Listener<E> {
    Box::new(handle)
}

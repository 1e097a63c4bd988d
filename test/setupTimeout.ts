// Unit and sandbox tests are fast alone, but CI runs them on two cores beside jest's other workers:
// a generous per-test timeout keeps a loaded machine from failing a correct test. Speed is measured
// in bench/, never here.
jest.setTimeout(30_000);

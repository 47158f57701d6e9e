// The pure domain: schemas, vocabulary, template, clock, merge and wire contract. No I/O.
export * from './vocabulary';
export * from './checklist-template';
export * from './entities';
export * from './lazy-schema';
export * from './hlc';
export * from './merge';
export * from './wire';
export * from './blank-records';
export * from './ids';
export * from './market-days';
export * from './korean-order';

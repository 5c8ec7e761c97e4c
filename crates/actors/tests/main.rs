//! Integration tests of parley-actors: the seed stories, team-written paraphrases
//! and the PETRARCH unit-test records.

mod fixtures;
mod paraphrases;
mod petrarch;
mod seeds;

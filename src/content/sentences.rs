//! The article's body sentences as bits for [`super::Question::rests_on`]: bit `i` stands for the
//! `i`-th sentence of the article in reading order (`facts` holds the texts and checks each
//! question against them). Only the sentences a question can rest on are named.

pub const ROLES_BOTH_LEAD: u32 = 1 << 1;
pub const ENGINEER: u32 = 1 << 4;
pub const MECHANIC: u32 = 1 << 5;
pub const BOTH_VITAL: u32 = 1 << 6;
pub const OVERLOADING: u32 = 1 << 8;
pub const NEGLECTING: u32 = 1 << 9;
pub const MISALIGNING: u32 = 1 << 10;
pub const TODAY_AND_TOMORROW: u32 = 1 << 11;
pub const CTO_OUTWARD: u32 = 1 << 13;
pub const CIO_INWARD: u32 = 1 << 14;
pub const CTO_PRIORITIES: u32 = 1 << 15;
pub const CIO_PRIORITIES: u32 = 1 << 16;
pub const CTO_STAKEHOLDERS: u32 = 1 << 17;
pub const CIO_STAKEHOLDERS: u32 = 1 << 18;
pub const CTO_METRICS: u32 = 1 << 19;
pub const CIO_METRICS: u32 = 1 << 20;
pub const CTO_VISIONARY: u32 = 1 << 21;
pub const CIO_STEADY_HAND: u32 = 1 << 22;
pub const BALANCE: u32 = 1 << 23;
pub const BEST_OF_BOTH: u32 = 1 << 24;
pub const CTO_CUTTING_EDGE: u32 = 1 << 25;
pub const CIO_SEAMLESS: u32 = 1 << 26;
pub const POWERHOUSE: u32 = 1 << 27;

/// How many body sentences the article has; no bit at or above this is a sentence.
pub const COUNT: u32 = 29;

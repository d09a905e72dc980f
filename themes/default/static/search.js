// Placeholder until the search client lands (branch `search`).
export {};

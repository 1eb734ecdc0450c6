/** The IndexedDB database name of the workspace. */
export const databaseName = "precept";

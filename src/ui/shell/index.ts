export const appName = "Precept";

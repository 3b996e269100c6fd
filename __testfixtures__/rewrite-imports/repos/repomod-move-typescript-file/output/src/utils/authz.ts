export const authz = 1;

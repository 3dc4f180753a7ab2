export const roleChoices = ["admin", "moderator", "viewer"].map((id) => ({ id, name: `console.role.${id}` }));

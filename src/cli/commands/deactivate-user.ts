import { userActivationCommand } from "./user-activation.js";

/** `npm run cli -- deactivate-user --email …`: every token of the user stops working at once. */
export const run = userActivationCommand(false);

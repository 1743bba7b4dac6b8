import { userActivationCommand } from "./user-activation.js";

/** `npm run cli -- reactivate-user --email …`: the unrevoked, unexpired tokens work again. */
export const run = userActivationCommand(true);

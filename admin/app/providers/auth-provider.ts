import type { AuthProvider } from "react-admin";
import { apiUrl, httpClient } from "./api";

interface Account {
  id: string;
  email: string;
  name: string;
  role: "admin" | "moderator" | "viewer";
}

/**
 * Sign-in through `/api/auth/*`. The session is an HttpOnly cookie the page never sees; who is signed
 * in is asked of the API and kept for the page's lifetime, so permission checks cost no requests.
 */
export function createAuthProvider(): AuthProvider {
  let account: Promise<Account> | null = null;

  function me(): Promise<Account> {
    account ??= httpClient(apiUrl("/auth/me")).then(({ json }) => json as Account);
    account.catch(() => {
      account = null;
    });
    return account;
  }

  return {
    async login({ username, password }: { username: string; password: string }) {
      const { json } = await httpClient(apiUrl("/auth/login"), { method: "POST", body: JSON.stringify({ email: username, password }) });
      account = Promise.resolve(json as Account);
    },
    async logout() {
      account = null;
      // An expired session cannot be ended twice; either way the user is signed out.
      await httpClient(apiUrl("/auth/logout"), { method: "POST" }).catch(() => undefined);
    },
    async checkAuth() {
      await me();
    },
    async checkError(error: { status?: number }) {
      if (error.status === 401) {
        account = null;
        throw error;
      }
    },
    async getIdentity() {
      const { id, name, email } = await me();
      return { id, fullName: name, email };
    },
    /**
     * Null while signed out rather than an error: react-admin retries failed permission queries with
     * back-off, which would hold the sign-in page back for seconds.
     */
    async getPermissions() {
      try {
        return (await me()).role;
      } catch (error) {
        if ((error as { status?: number }).status === 401) return null;
        throw error;
      }
    },
  };
}

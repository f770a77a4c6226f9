/** The shells `clb-listener completion` writes for; cheap to import at registration. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Where each shell's script is committed in the source tree (completions/…). */
export const COMPLETION_FILES: Record<Shell, string> = {
  bash: 'clb-listener.bash',
  zsh: '_clb-listener',
  fish: 'clb-listener.fish',
};

// Conventional Commits (CONTRIBUTING.md); bodies explain the why and may be long.
const config = {
  extends: ["@commitlint/config-conventional"],
  rules: {
    "body-max-line-length": [0],
    "footer-max-line-length": [0],
    "subject-case": [0],
  },
};

export default config;

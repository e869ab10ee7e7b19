// PyPI API tokens (upload tokens for pypi.org and test.pypi.org): `pypi-` and a base64url
// macaroon whose first bytes name the index, so every token starts `pypi-AgEIcHlwaS5vcmc`
// (`pypi.org`) or `pypi-AgENdGVzdC5weXBpLm9yZw` (`test.pypi.org`). There is no PyPI family:
// they are reported as generic, with high confidence (the prefix is the format's own).
import type { Rule } from "../types.ts";
import { ALPHABET, isLowVariety, randomString, seededRandom } from "../entropy.ts";

const PYPI = ["py", "pi-AgEIcHlwaS5vcmc"].join("");
const TEST_PYPI = ["py", "pi-AgENdGVzdC5weXBpLm9yZw"].join("");

export const rules: Rule[] = [
  {
    id: "pypi-upload-token",
    family: "generic",
    description: "PyPI API (upload) token",
    keywords: [PYPI.toLowerCase(), TEST_PYPI.toLowerCase()],
    exactKeywords: [PYPI, TEST_PYPI],
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/g,
    validate: (secret) => !isLowVariety(secret.slice(30)),
    confidence: "high",
    window: { before: 8, after: 1100 },
    examples: {
      positives: () => {
        const rand = seededRandom(14201);
        const a = PYPI + randomString(ALPHABET.base64url, 150, rand);
        const b = TEST_PYPI + randomString(ALPHABET.base64url, 140, rand);
        return [
          { text: `[pypi]\nusername = __token__\npassword = ${a}`, secret: a },
          { text: `twine upload -r testpypi -p ${b} dist/*`, secret: b },
        ];
      },
      negatives: () => [
        `password = ${PYPI}${"A".repeat(120)}`,
        "tokens look like pypi-AgEIcHlwaS5vcmc… and are shown once",
      ],
    },
  },
];

// How hard a passphrase is to guess offline. A copy of the data folder lets anyone try
// passphrases against a slot at the KDF's pace (scrypt, about 0.3 s a guess on one core), so
// length alone is not enough: zxcvbn estimates guesses from patterns, common passwords and the
// words that matter here — the studio's and the district's names, pinyin surnames and given-name
// syllables, the user's own name, and dates — and a passphrase must need at least 10^10 of them.
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** zxcvbn's score 4: at least 10^10 guesses, years at the KDF's pace on one machine. */
export const MIN_SCORE = 4;
export const MIN_LENGTH = 12;

const STUDIO_WORDS = [
  'xiangyang',
  'tongxin',
  'tongxinxiangyang',
  'jiyang',
  'jinan',
  'shandong',
  'jianchayuan',
  'jiancha',
  'weichengnian',
  'weijian',
  'sunward',
  'procuratorate',
  'studio',
  'admin',
  'password',
  'mima',
  'jiyangqu',
  'jiyangxian',
  'jibei',
  'huihe',
  'cuizhai',
  'sungeng',
  'taiping',
  'duoshi',
  'qudi',
  'renfeng',
  'xinshi',
  'jiyangjiedao',
  'jibeijiedao',
  'huihejiedao',
  'cuizhaijiedao',
];

// The hundred commonest surnames and a few hundred given-name syllables cover most of the names
// a caseworker might build a passphrase from.
const SURNAMES = (
  'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang ' +
  'han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng wei su lu ding ren shen yao ' +
  'lu jiang cui zhong tan lu wang fan jin shi liao jia xia wei fu fang bai zou meng xiong qin qiu hou jiang yin ' +
  'xue yan duan lei hao long shao wan gu lai wu kang he yi chang qiao niu ji xing mao'
).split(' ');
const GIVEN = (
  'wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xiu xia ping gang gui hua ' +
  'jian hong hui xin yu zi hao yi ran xuan han chen mo rui ze kai bo wen jia xuan ning yue qing lan mei ' +
  'ying ling dan lin ting yun fei peng bin hai feng long dong xiang zhi yuan an shu meng lu qi tian le'
).split(' ');

let ready = false;
function setUp(): void {
  if (ready) return;
  zxcvbnOptions.setOptions({
    graphs: common.adjacencyGraphs,
    dictionary: {
      ...common.dictionary,
      studio: STUDIO_WORDS,
      surnames: SURNAMES,
      givenNames: GIVEN,
      fullNames: SURNAMES.flatMap((s) => GIVEN.slice(0, 40).map((g) => s + g)),
    },
  });
  ready = true;
}

export interface PassphraseContext {
  username?: string;
  displayName?: string;
}

/** `null` when strong enough; otherwise which rule it fails, as a catalog key. */
export function passphraseWeakness(
  passphrase: string,
  who: PassphraseContext = {},
): 'tooShort' | 'containsUsername' | 'tooGuessable' | null {
  if ([...passphrase].length < MIN_LENGTH) return 'tooShort';
  const user = who.username?.toLowerCase() ?? '';
  if (user.length >= 3 && passphrase.toLowerCase().includes(user)) return 'containsUsername';
  setUp();
  const personal = [who.username, who.displayName].filter((v): v is string => Boolean(v));
  const result = zxcvbn(passphrase, personal);
  return result.score >= MIN_SCORE ? null : 'tooGuessable';
}

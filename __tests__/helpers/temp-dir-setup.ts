// Each test file's folders (helpers/temp-dir.ts) are removed when the file is done.
import { afterAll } from '@jest/globals'
import { removeTempDirs } from './temp-dir.js'

afterAll(removeTempDirs)

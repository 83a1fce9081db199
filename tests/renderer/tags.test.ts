import { describe, expect, it } from 'vitest'
import {
  descendantsOf,
  findByPath,
  matchTags,
  nextTagColour,
  parentPath,
  pathSegments,
  TAG_COLOURS,
  tagTree
} from '../../src/renderer/src/lib/tags'
import type { Tag } from '../../src/shared/types'

function tag(id: string, name: string, parentId: string | null, path: string, colour?: string) {
  const value: Tag = {
    id,
    parentId,
    name,
    path,
    colour: colour ?? null,
    description: null,
    claimCount: 0,
    sourceCount: 0
  }
  return value
}

const codebook = [
  tag('trade', 'Trade', 'economy', 'Economy / Trade'),
  tag('people', 'People', null, 'People'),
  tag('economy', 'economy', null, 'economy'),
  tag('chinh', 'Phạm Minh Chính', 'people', 'People / Phạm Minh Chính'),
  tag('rice', 'Rice', 'trade', 'Economy / Trade / Rice'),
  tag('orphan', 'Orphan', 'deleted-parent', 'Deleted / Orphan')
]

describe('tag paths', () => {
  it('orders the codebook depth first, by name whatever the case, losing no tag', () => {
    const tree = tagTree(codebook)
    expect(tree.map((node) => [node.tag.id, node.depth, node.childCount])).toEqual([
      ['economy', 0, 1],
      ['trade', 1, 1],
      ['rice', 2, 0],
      // A tag whose parent is missing (mid-refresh) shows at the top.
      ['orphan', 0, 0],
      ['people', 0, 1],
      ['chinh', 1, 0]
    ])
  })

  it('finds a tag and all below it', () => {
    expect([...descendantsOf(codebook, 'economy')].sort()).toEqual(['economy', 'rice', 'trade'])
    expect([...descendantsOf(codebook, 'rice')]).toEqual(['rice'])
  })

  it('matches typed words anywhere in the path, without diacritics or case', () => {
    const tree = tagTree(codebook)
    expect(matchTags(tree, 'chinh').map((node) => node.tag.id)).toEqual(['chinh'])
    expect(matchTags(tree, 'ECONOMY rice').map((node) => node.tag.id)).toEqual(['rice'])
    expect(matchTags(tree, '   ')).toHaveLength(tree.length)
  })

  it('reads a typed path with any spacing round the slashes', () => {
    expect(findByPath(codebook, 'economy/trade')?.id).toBe('trade')
    expect(findByPath(codebook, ' Economy  /  Trade / rice ')?.id).toBe('rice')
    expect(findByPath(codebook, 'Economy / Rice')).toBeUndefined()
    expect(pathSegments(' Economy / / Trade ')).toEqual(['Economy', 'Trade'])
    expect(parentPath(codebook[0] as Tag)).toBe('Economy / ')
    expect(parentPath(codebook[1] as Tag)).toBe('')
  })

  it('gives a new tag the colour used least', () => {
    expect(nextTagColour([])).toBe(TAG_COLOURS[0])
    const used = [
      tag('a', 'A', null, 'A', TAG_COLOURS[0]),
      tag('b', 'B', null, 'B', TAG_COLOURS[1])
    ]
    expect(nextTagColour(used)).toBe(TAG_COLOURS[2])
  })
})

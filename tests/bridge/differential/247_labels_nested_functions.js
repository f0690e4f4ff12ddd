function findPair(matrix, target) {
  let found = null;
  search: for (let i = 0; i < matrix.length; i++) {
    for (let j = 0; j < matrix[i].length; j++) {
      if (matrix[i][j] === target) {
        found = [i, j];
        break search;
      }
    }
  }
  return found;
}
console.log(JSON.stringify(findPair([[1, 2], [3, 4], [5, 6]], 4)), findPair([[1]], 9));
